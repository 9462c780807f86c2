package domain

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm/clause"
)

// The kinds of email a board has templates for; each is also deliveries.kind.
const (
	EmailShipped    = "shipped"
	EmailPlanned    = "planned"
	EmailInProgress = "in_progress"
	EmailDeclined   = "declined"
)

// EmailKinds are the kinds of templates, in the order the editor shows them.
var EmailKinds = []string{EmailShipped, EmailPlanned, EmailInProgress, EmailDeclined}

// TemplatePlaceholders are the words a template may write as {{word}}.
var TemplatePlaceholders = []string{"first_name", "name", "card_title", "release_note", "note", "quote", "card_url", "product_name"}

// EmailTemplate is a board's subject and body for one kind of email, with
// placeholders ({{card_title}}, …) unfilled. Custom is false while it is the default.
type EmailTemplate struct {
	BoardID   uuid.UUID  `gorm:"column:board_id;primaryKey"`
	Kind      string     `gorm:"column:kind;primaryKey"`
	Subject   string     `gorm:"column:subject"`
	Body      string     `gorm:"column:body"`
	UpdatedAt *time.Time `gorm:"column:updated_at"`
	Custom    bool       `gorm:"-"`
}

func (EmailTemplate) TableName() string { return "email_templates" }

const (
	maxTemplateSubject = 200
	maxTemplateBody    = 5000
)

var (
	placeholderRE = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)
	singleBraceRE = regexp.MustCompile(`(^|[^{])\{([a-z_]+)\}($|[^}])`)
)

// CheckTemplate records a problem under subject or body for an unknown placeholder,
// a single-brace one ({title} would be sent as written), and for a template that
// names the card nowhere (neither has {{card_title}}).
func CheckTemplate(p Problems, subject, body string) (string, string) {
	subject = checkLine(p, "subject", subject, 1, maxTemplateSubject)
	body = strings.TrimSpace(checkText(p, "body", body, maxTemplateBody))
	if body == "" {
		p.Add("body", "is required")
	}
	for field, v := range map[string]string{"subject": subject, "body": body} {
		for _, m := range placeholderRE.FindAllStringSubmatch(v, -1) {
			if !slices.Contains(TemplatePlaceholders, m[1]) {
				p.Add(field, "has the unknown placeholder {{"+m[1]+"}}; the placeholders are {{"+strings.Join(TemplatePlaceholders, "}}, {{")+"}}")
				break
			}
		}
		if m := singleBraceRE.FindStringSubmatch(v); m != nil {
			p.Add(field, "writes {"+m[2]+"} with single braces, which would be sent as written; placeholders take two: {{card_title}}")
		}
	}
	if !strings.Contains(placeholderRE.ReplaceAllStringFunc(subject+"\n"+body, normalizePlaceholder), "{{card_title}}") {
		p.Add("subject", "must name the card: write {{card_title}} in the subject or the body")
		p.Add("body", "must name the card: write {{card_title}} in the subject or the body")
	}
	return subject, body
}

func normalizePlaceholder(m string) string {
	return "{{" + strings.TrimSpace(m[2:len(m)-2]) + "}}"
}

// NormalizeTemplate writes every placeholder as {{word}}, without inner spaces.
func NormalizeTemplate(s string) string {
	return placeholderRE.ReplaceAllStringFunc(s, normalizePlaceholder)
}

func checkEmailKind(kind string) error {
	if !slices.Contains(EmailKinds, kind) {
		return NotFound("email kind " + kind)
	}
	return nil
}

// EmailTemplates returns the board's template of every kind, the default where the
// board has none of its own.
func (s *Service) EmailTemplates(ctx context.Context, boardID uuid.UUID) ([]EmailTemplate, error) {
	if err := s.db.conn(ctx).Select("id").Where("id = ?", boardID).Take(&Board{}).Error; err != nil {
		return nil, storeErr(err, "board")
	}
	var rows []EmailTemplate
	if err := s.db.conn(ctx).Where("board_id = ?", boardID).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]EmailTemplate, 0, len(EmailKinds))
	for _, k := range EmailKinds {
		t := DefaultTemplate(k)
		t.BoardID = boardID
		for _, r := range rows {
			if r.Kind == k {
				t, t.Custom = r, true
			}
		}
		out = append(out, t)
	}
	return out, nil
}

// PutEmailTemplate checks and stores the board's template of kind (422 naming the
// field; nothing stored on a problem).
func (s *Service) PutEmailTemplate(ctx context.Context, actor Actor, boardID uuid.UUID, kind, subject, body string) (EmailTemplate, error) {
	if err := checkEmailKind(kind); err != nil {
		return EmailTemplate{}, err
	}
	p := Problems{}
	subject, body = CheckTemplate(p, subject, body)
	if err := p.Err(); err != nil {
		return EmailTemplate{}, err
	}
	if err := s.db.conn(ctx).Select("id").Where("id = ?", boardID).Take(&Board{}).Error; err != nil {
		return EmailTemplate{}, storeErr(err, "board")
	}
	now := s.now()
	t := EmailTemplate{BoardID: boardID, Kind: kind, Subject: NormalizeTemplate(subject), Body: NormalizeTemplate(body), UpdatedAt: &now}
	err := s.db.conn(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "board_id"}, {Name: "kind"}},
		DoUpdates: clause.AssignmentColumns([]string{"subject", "body", "updated_at"}),
	}).Create(&t).Error
	if err != nil {
		return EmailTemplate{}, storeErr(err, "board")
	}
	t.Custom = true
	return t, nil
}
