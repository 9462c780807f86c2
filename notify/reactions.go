package notify

import (
	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// errInvalidReactionLink answers a reaction or confirmation token this installation did not make.
var errInvalidReactionLink = &domain.Error{Kind: domain.KindNotFound, Message: "this link is not valid"}

// ReactionDelivery checks the token of a shipped email's "Did this solve it?" link
// and returns that email's delivery id. The token is signed with the installation's
// secret, so only a link this installation sent names a delivery.
func (s *Service) ReactionDelivery(token string) (uuid.UUID, error) {
	id, err := s.emails.ReactionTokens().Parse(token)
	if err != nil {
		return uuid.Nil, errInvalidReactionLink
	}
	return id, nil
}

// WantConfirmation checks the token of a roadmap confirmation link and returns the
// ask (roadmap_wants) it confirms.
func (s *Service) WantConfirmation(token string) (uuid.UUID, error) {
	id, err := s.emails.ConfirmTokens().Parse(token)
	if err != nil {
		return uuid.Nil, errInvalidReactionLink
	}
	return id, nil
}
