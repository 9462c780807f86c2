package api

import (
	"github.com/labstack/echo/v4/middleware"

	"github.com/closeloop/closeloop/domain"
)

// routes registers every route in one place, with the least role each one needs.
func (s *Server) routes() {
	e := s.echo
	e.Pre(middleware.RemoveTrailingSlash())
	e.Use(middleware.RequestID())
	e.Use(s.logRequests)
	e.Use(middleware.Recover())
	e.Use(s.securityHeaders)
	e.Use(s.measure)
	e.Use(s.apiFallthrough)
	e.Use(s.compressAPI())

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", s.metrics)
	e.GET("/api/openapi.json", s.openapi)
	e.GET("/robots.txt", s.robots)

	// One-click unsubscribe (RFC 8058): no login, no cookie, no redirect.
	e.GET("/u/:token", s.unsubscribePage)
	e.POST("/u/:token", s.unsubscribe)
	// The public page of a shipped card, linked from the shipped email.
	e.GET("/c/:id", s.publicCard)
	// "Did this solve it?" (customer-public): the links in every shipped email. GET only
	// asks (mail scanners open links); POST records one answer per email.
	e.GET("/r/:token", s.reactionPage)
	e.POST("/r/:token", s.react)
	// Public roadmap, changelog and feed of a board made public (customer-public); "I
	// want this too" with a confirmation link (GET asks, POST links).
	e.GET("/roadmap/:slug", s.roadmap)
	e.GET("/roadmap/:slug/changelog", s.changelog)
	e.GET("/roadmap/:slug/feed.atom", s.feed)
	e.POST("/roadmap/:slug/cards/:number/want", s.want)
	e.GET("/v/:token", s.confirmPage)
	e.POST("/v/:token", s.confirm)

	v1 := e.Group("/api/v1")
	viewer, support, editor, admin := s.require(domain.RoleViewer), s.require(domain.RoleSupport),
		s.require(domain.RoleEditor), s.require(domain.RoleAdmin)

	v1.POST("/session", s.createSession)
	v1.GET("/session", s.getSession, viewer)
	v1.DELETE("/session", s.deleteSession, viewer)
	// Members (issue 13): one's own name and password; "Forgot password?" and the pages
	// of emailed links (invitation, reset) need no sign-in: the token is the credential.
	v1.PATCH("/session", s.updateSession, viewer)
	v1.POST("/session/reset", s.requestPasswordReset)
	v1.GET("/session/links/:token", s.getMemberLink)
	v1.POST("/session/links/:token", s.useMemberLink)

	v1.GET("/members", s.listMembers, admin)
	v1.GET("/teammates", s.listTeammates, viewer) // active members' names, for card owners
	v1.POST("/members", s.createMember, admin)
	v1.PATCH("/members/:id", s.updateMember, admin)
	v1.DELETE("/members/:id", s.deleteMember, admin)
	v1.POST("/members/:id/invite", s.resendInvite, admin)
	v1.GET("/tokens", s.listTokens, admin)
	v1.POST("/tokens", s.createToken, admin)
	v1.DELETE("/tokens/:id", s.revokeToken, admin)

	// The workspace speaks as the team (issue 12): anyone reads, an admin changes.
	v1.GET("/settings", s.getSettings, viewer)
	v1.PATCH("/settings", s.updateSettings, admin)

	// Outbound webhooks and Slack (issue 11).
	v1.GET("/webhooks", s.listWebhooks, admin)
	v1.POST("/webhooks", s.createWebhook, admin)
	v1.PATCH("/webhooks/:id", s.updateWebhook, admin)
	v1.DELETE("/webhooks/:id", s.deleteWebhook, admin)
	v1.POST("/webhooks/:id/test", s.testWebhook, admin)
	v1.GET("/webhooks/:id/deliveries", s.listWebhookDeliveries, admin)
	v1.POST("/webhooks/:id/deliveries/:delivery_id/retry", s.retryWebhookDelivery, admin)

	v1.GET("/boards", s.listBoards, viewer)
	v1.POST("/boards", s.createBoard, editor)
	v1.GET("/boards/:id", s.getBoard, viewer)
	v1.PATCH("/boards/:id", s.updateBoard, editor)
	v1.DELETE("/boards/:id", s.deleteBoard, editor)
	v1.GET("/boards/:id/templates", s.listTemplates, viewer)
	v1.PUT("/boards/:id/templates/:kind", s.putTemplate, editor)
	v1.POST("/boards/:id/columns", s.createColumn, editor)
	v1.GET("/boards/:id/labels", s.listBoardLabels, viewer)
	v1.PATCH("/boards/:id/labels/:name", s.updateBoardLabel, editor)
	v1.PATCH("/columns/:id", s.updateColumn, editor)
	v1.DELETE("/columns/:id", s.deleteColumn, editor)

	v1.POST("/boards/:id/cards", s.createCard, support) // support only in open columns (domain)
	// A viewer's, with the board's cards_version read in the same statement as the caller.
	v1.GET("/boards/:id/cards", s.listCards, s.requireBoardView(domain.RoleViewer))
	v1.GET("/cards/:id", s.getCard, viewer)
	v1.GET("/cards/by-number/:n", s.getCardByNumber, viewer)
	v1.PATCH("/cards/:id", s.updateCard, editor)
	v1.DELETE("/cards/:id", s.deleteCard, editor)
	v1.POST("/cards/:id/move", s.moveCard, editor)
	v1.POST("/cards/:id/archive", s.archiveCard, editor)
	v1.POST("/cards/:id/restore", s.restoreCard, editor)
	v1.GET("/cards/:id/activity", s.listActivity, viewer)
	// Internal notes (issue 13): support and above write; only the author or an admin edits.
	v1.POST("/cards/:id/comments", s.createComment, support)
	v1.GET("/cards/:id/comments", s.listComments, viewer)
	v1.PATCH("/comments/:id", s.updateComment, support) // the author or an admin (domain)
	v1.DELETE("/comments/:id", s.deleteComment, support)

	v1.POST("/cards/:id/requests", s.createRequest, support)
	v1.GET("/cards/:id/requests", s.listRequests, viewer)
	v1.DELETE("/cards/:id/requests/:requester_id", s.deleteRequest, support)
	v1.POST("/cards/:id/conversations", s.createConversation, support)
	v1.GET("/cards/:id/conversations", s.listConversations, viewer)

	v1.GET("/search", s.search, viewer)
	v1.GET("/events", s.streamEvents, viewer)

	v1.GET("/requesters", s.listRequesters, viewer)
	v1.GET("/requesters/:id", s.getRequester, viewer)
	v1.PATCH("/requesters/:id", s.updateRequester, support)
	v1.DELETE("/requesters/:id", s.eraseRequester, editor)
	v1.GET("/requesters/:id/requests", s.listRequesterRequests, viewer)
	v1.GET("/requesters/:id/deliveries", s.listRequesterDeliveries, viewer)

	v1.GET("/cards/:id/deliveries", s.listDeliveries, viewer)
	v1.GET("/cards/:id/email-preview", s.emailPreview, editor) // issue 9: an editor's, with an unusable unsubscribe link

	// Import, export and merge (issue 14).
	v1.POST("/imports/trello", s.importTrello, editor)
	v1.POST("/imports/closeloop", s.importCloseloop, editor)
	v1.POST("/imports/requests", s.importRequests, editor)
	v1.GET("/imports/:id", s.getImport, viewer)
	v1.GET("/boards/:id/export.json", s.exportBoardJSON, viewer)
	v1.GET("/boards/:id/export.csv", s.exportBoardCSV, viewer)
	v1.GET("/requesters/:id/export", s.exportRequester, viewer)
	v1.POST("/cards/:id/merge", s.mergeCard, editor)
	v1.POST("/cards/:id/unmerge", s.unmergeCard, editor)
	v1.POST("/requesters/:id/merge", s.mergeRequester, editor)

	// "Did this solve it?" answers, for the team (customer-public).
	v1.GET("/boards/:id/satisfaction", s.boardSatisfaction, viewer)
	v1.GET("/cards/:id/reactions", s.cardReactions, viewer)

	// Inbound integrations (issue 11): admins manage them; the tools post to
	// /hooks/in/{id} with no token, verified by the integration's secret.
	v1.POST("/integrations", s.createIntegration, admin)
	v1.GET("/integrations", s.listIntegrations, admin)
	v1.DELETE("/integrations/:id", s.deleteIntegration, admin)
	v1.POST("/integrations/:id/secret", s.rotateIntegrationSecret, admin)
	v1.GET("/integrations/:id/events", s.listIntegrationEvents, admin)
	v1.POST("/hooks/in/:integration_id", s.hookIn)

	s.serveUI()
}
