package api

import (
	"net/http"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type mergeBody struct {
	IntoID string `json:"into_id"`
}

type mergeResponse struct {
	DryRun          bool         `json:"dry_run"`
	MergeID         uuid.UUID    `json:"merge_id"`
	Card            cardResponse `json:"card"`
	Into            cardResponse `json:"into"`
	Moved           int          `json:"moved"`
	AlreadyOnTarget int          `json:"already_on_target"`
	Conversations   int          `json:"conversations"`
	Comments        int          `json:"comments"`
	Suppressed      int          `json:"suppressed"`
	ShippedEmails   int          `json:"shipped_emails"`
}

func toMerge(r domain.MergeResult) mergeResponse {
	return mergeResponse{DryRun: r.DryRun, MergeID: r.MergeID, Card: toCard(r.Source), Into: toCard(r.Target), Moved: r.Moved,
		AlreadyOnTarget: r.AlreadyOnTarget, Conversations: r.Conversations, Comments: r.Comments,
		Suppressed: r.Suppressed, ShippedEmails: r.ShippedEmails}
}

// intoID reads {"into_id": "<uuid>"}.
func intoID(c echo.Context) (uuid.UUID, error) {
	var body mergeBody
	if err := decodeJSON(c, &body); err != nil {
		return uuid.Nil, err
	}
	if body.IntoID == "" {
		return uuid.Nil, domain.Invalid("into_id", "is required: the id of the card to merge into")
	}
	return bodyID("into_id", body.IntoID)
}

// mergeCard: POST /cards/{id}/merge (?dry_run=true answers what it would do).
func (s *Server) mergeCard(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	dry, err := dryRun(c)
	if err != nil {
		return err
	}
	into, err := intoID(c)
	if err != nil {
		return err
	}
	merge := s.deps.Service.MergeCard
	if dry {
		merge = s.deps.Service.PreviewMerge
	}
	res, err := merge(c.Request().Context(), actorFrom(c), id, into)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toMerge(res))
}

func (s *Server) unmergeCard(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	res, err := s.deps.Service.UnmergeCard(c.Request().Context(), actorFrom(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toMerge(res))
}

type requesterMergeResponse struct {
	Requester     requesterResponse `json:"requester"`
	Requests      int               `json:"requests"`
	Combined      int               `json:"combined"`
	Conversations int               `json:"conversations"`
	Deliveries    int               `json:"deliveries"`
}

// mergeRequester: POST /requesters/{id}/merge — the person id becomes into_id.
func (s *Server) mergeRequester(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	into, err := intoID(c)
	if err != nil {
		return err
	}
	res, err := s.deps.Service.MergeRequester(c.Request().Context(), actorFrom(c), id, into)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, requesterMergeResponse{Requester: toRequester(res.Requester), Requests: res.Requests,
		Combined: res.Combined, Conversations: res.Conversations, Deliveries: res.Deliveries})
}
