package notify

import (
	"context"

	"github.com/closeloop/closeloop/notify/email"
)

// workspaceSQL reads the workspace's settings (one row) as the emails use them.
const workspaceSQL = `SELECT product_name, sender_name, reply_to, signature, accent_color FROM workspace_settings`

// workspace reads the settings every email speaks with; the claim query reads the
// same columns with each batch.
func (s *Service) workspace(ctx context.Context) (email.Workspace, error) {
	var w email.Workspace
	err := s.pool.QueryRow(ctx, workspaceSQL).Scan(&w.ProductName, &w.SenderName, &w.ReplyTo, &w.Signature, &w.AccentColor)
	return w, err
}

// renderer is the renderer speaking as the workspace now.
func (s *Service) renderer(ctx context.Context) (*email.Renderer, error) {
	w, err := s.workspace(ctx)
	if err != nil {
		return nil, err
	}
	return s.emails.For(w), nil
}
