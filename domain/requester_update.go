package domain

import (
	"context"
	"errors"
	"regexp"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// UpdateRequesterInput changes a requester; nil fields are left alone.
type UpdateRequesterInput struct {
	Email   *string
	Name    *string
	Company *string
	// ExternalIDs is merged into the stored map: a key with an empty value is removed,
	// so one help desk can set its own id without knowing the others'.
	ExternalIDs map[string]string
}

var externalKeyPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

func (in *UpdateRequesterInput) validate() error {
	p := Problems{}
	if in.Email != nil {
		email := checkEmail(p, "email", *in.Email)
		in.Email = &email
	}
	if in.Name != nil {
		v := checkRequestText(p, "name", *in.Name, maxPersonName, false)
		in.Name = &v
	}
	if in.Company != nil {
		v := checkRequestText(p, "company", *in.Company, maxCompany, false)
		in.Company = &v
	}
	for k, v := range in.ExternalIDs {
		if len(k) > maxExternalKey || !externalKeyPattern.MatchString(k) {
			p.Add("external_ids", "keys must be 1–50 letters, digits, '.', '_' or '-'")
			continue
		}
		in.ExternalIDs[k] = checkRequestText(p, "external_ids", v, maxExternalVal, false)
	}
	return p.Err()
}

// UpdateRequester edits a requester. Changing the address to one another requester
// already uses is a conflict: two people cannot share an identity, and merging them
// silently would mix up their requests.
func (s *Service) UpdateRequester(ctx context.Context, id uuid.UUID, in UpdateRequesterInput) (Requester, error) {
	if err := in.validate(); err != nil {
		return Requester{}, err
	}
	if in.Email == nil && in.Name == nil && in.Company == nil && in.ExternalIDs == nil {
		return s.GetRequester(ctx, id)
	}
	var out Requester
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		var current []Requester
		err := s.db.conn(ctx).Raw(`SELECT `+requesterColumns+` FROM requesters q WHERE q.id = ? FOR UPDATE`, id).Scan(&current).Error
		if err != nil {
			return err
		}
		if len(current) == 0 {
			return NotFound("requester")
		}
		changes := map[string]any{"updated_at": s.now()}
		if in.Email != nil {
			changes["email"] = *in.Email
		}
		if in.Name != nil {
			changes["name"] = *in.Name
		}
		if in.Company != nil {
			changes["company"] = *in.Company
		}
		if in.ExternalIDs != nil {
			merged := mergeExternalIDs(current[0].ExternalIDs, in.ExternalIDs)
			if len(merged) > maxExternalIDs {
				return Invalid("external_ids", "holds too many ids (at most 20)")
			}
			changes["external_ids"] = merged
		}
		err = s.db.conn(ctx).Table("requesters").Where("id = ?", id).Updates(changes).Error
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			return Conflict("another requester already uses the address %s", *in.Email)
		}
		if err != nil {
			return err
		}
		out, err = s.GetRequester(ctx, id)
		return err
	})
	return out, err
}

func mergeExternalIDs(current ExternalIDs, changes map[string]string) ExternalIDs {
	merged := ExternalIDs{}
	for k, v := range current {
		merged[k] = v
	}
	for k, v := range changes {
		if v == "" {
			delete(merged, k)
		} else {
			merged[k] = v
		}
	}
	return merged
}
