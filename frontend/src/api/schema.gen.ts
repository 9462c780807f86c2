// Generated from api/openapi.json by scripts/api-types.mjs (npm run gen:api). Do not edit:
// change the API document and regenerate; `npm run check:api` (make lint) fails on drift.
/* eslint-disable */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database is reachable and migrated */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (HTTP counts and latencies) */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/robots.txt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tells crawlers to index nothing but the public roadmaps */
        get: operations["robots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/u/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Unsubscribe page (asks before acting)
         * @description Mail clients and link scanners open links on their own, so GET only asks.
         */
        get: operations["unsubscribePage"];
        put?: never;
        /**
         * One-click unsubscribe (RFC 8058)
         * @description No login, no cookie, no redirect. Mail providers send the body List-Unsubscribe=One-Click.
         */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/r/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * "Did this solve it?" page (asks before recording)
         * @description The Yes / Not quite links of every shipped email lead here, one token per delivery. Mail scanners open links on their own, so GET only shows the form (answer preselected from ?answer=) and records nothing.
         */
        get: operations["reactionPage"];
        put?: never;
        /**
         * Record the answer to "Did this solve it?"
         * @description One answer per delivery; a later POST replaces it. A "no" comment is kept as a quote on the request. Sent from the page as a form: another media type is 415, a cross-site browser post 403.
         */
        post: operations["react"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roadmap/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public roadmap
         * @description Server-rendered, no login: planned, in-progress and recently shipped (90 days) cards with title, description and release note; never a requester.
         */
        get: operations["roadmap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roadmap/{slug}/changelog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public changelog
         * @description Shipped cards, newest first.
         */
        get: operations["changelog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roadmap/{slug}/feed.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Changelog as an Atom 1.0 feed
         * @description Shipped cards, newest first (RFC 4287).
         */
        get: operations["roadmapFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roadmap/{slug}/cards/{number}/want": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * "I want this too" (double opt-in)
         * @description Sends a confirmation email to the address; nobody is linked until its link is confirmed (POST /v/{token}). Limited per address (3) and per IP (20) per hour, counted in PostgreSQL. Only planned and in-progress cards take asks. A cross-site browser post is 403.
         */
        post: operations["wantThisToo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Confirmation page of "I want this too" (asks before linking)
         * @description The link in the confirmation email. Mail scanners open links, so GET only shows the button.
         */
        get: operations["confirmWantPage"];
        put?: never;
        /**
         * Confirm "I want this too"
         * @description Links the person to the card as a requester with source roadmap and their words; again changes nothing.
         */
        post: operations["confirmWant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public page of a shipped card (linked from the shipped email)
         * @description Shows only the title, the release note and the day it shipped, and only while the card is shipped and in a done column; anything else is a 404 page.
         */
        get: operations["publicCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is signed in (and the CSRF token again)
         * @description Needs the viewer role or above.
         */
        get: operations["getSession"];
        put?: never;
        /**
         * Sign in
         * @description Rate-limited across replicas: 20 failures from one address in 15 minutes ⇒ 429 from it; 5 failures for one account in 15 minutes ⇒ 429 from the addresses that failed for it (others still get their password checked). An email over 320 bytes or a password over 1,024 bytes is 422. Only Content-Type: application/json is accepted.
         */
        post: operations["createSession"];
        /**
         * Sign out
         * @description Needs the viewer role or above.
         */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        /**
         * Change your own name or password
         * @description A signed-in member changes their own name, or their password with current_password (422 on current_password when it is missing or wrong; 10 tries per hour, then 429). A new password follows the rules of POST /members (at least 10 characters) and ends every other session of the member and every emailed link; this session stays. An API token has no profile or password: 403.
         *
         *     Needs the viewer role or above.
         */
        patch: operations["updateOwnAccount"];
        trace?: never;
    };
    "/api/v1/session/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Forgot password: email a reset link
         * @description Emails the member with this address a link to choose a new password; it works once, for one hour, and replaces earlier reset links. The answer is 202 whether or not the address belongs to a member (and disabled members get nothing), so nobody learns who is on the team. Rate-limited per address (3 per hour) and per client network (20 per hour), whether or not the address exists: then 429.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/links/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of an emailed link (invitation or password reset). */
                token: string;
            };
            cookie?: never;
        };
        /**
         * Whom an emailed link is for
         * @description The page of an invitation or reset link shows whom it is for before a password is chosen. Nothing changes. A link that cannot be used is 422 with fields.token saying why and code link_invalid (unknown, or its member is disabled), link_used (used, or replaced by a newer email) or link_expired.
         */
        get: operations["getMemberLink"];
        put?: never;
        /**
         * Set your password through an emailed link, and sign in
         * @description Sets the member's password (at least 10 characters, as POST /members), once: the link and every other emailed link of the member stop working, every other session of theirs ends, and the answer signs them in as POST /session does. A password that breaks the rules is 422 on password and leaves the link usable; a link that cannot be used is 422 as GET answers.
         */
        post: operations["useMemberLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teammates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who cards can be given to
         * @description Needs the viewer role or above.
         */
        get: operations["listTeammates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List members
         * @description Needs the admin role or above.
         */
        get: operations["listMembers"];
        put?: never;
        /**
         * Add a member
         * @description Needs the admin role or above.
         */
        post: operations["createMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member
         * @description Needs the admin role or above.
         */
        delete: operations["deleteMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's name, role, password or disabled state
         * @description The last active admin cannot be demoted or disabled (409).
         *
         *     Needs the admin role or above.
         */
        patch: operations["updateMember"];
        trace?: never;
    };
    "/api/v1/members/{id}/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a member's invitation again
         * @description Emails an invited member (one who has not set a password yet) a new invitation; the links of earlier ones stop working and the 7 days start again. A member who has set a password, or is disabled, is 409.
         *
         *     Needs the admin role or above.
         */
        post: operations["resendInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API tokens
         * @description Needs the admin role or above.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create an API token
         * @description Needs the admin role or above.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API token
         * @description Needs the admin role or above.
         */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List outbound webhooks
         * @description Needs the admin role or above.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Add an outbound webhook
         * @description A URL that resolves to a loopback, private or link-local address is refused (422 on url) unless the server runs with CLOSELOOP_WEBHOOK_ALLOW_PRIVATE=true.
         *
         *     Needs the admin role or above.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a webhook and its delivery log
         * @description Needs the admin role or above.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change a webhook's URL, events, format, description or enabled state
         * @description Needs the admin role or above.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test delivery
         * @description Needs the admin role or above.
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook's delivery log
         * @description Needs the admin role or above.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again
         * @description A delivery that is still pending is already being tried (409).
         *
         *     Needs the admin role or above.
         */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace's settings: who every email speaks as
         * @description Needs the viewer role or above.
         */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the workspace's settings
         * @description Emails are From "<sender_name>" <MAIL_FROM's address>, carry Reply-To when reply_to is set, are signed with signature, and name product_name ("us"/"the team" until it is set). coalesce_seconds > 0 folds a person's shipped emails due together into one.
         *
         *     Needs the admin role or above.
         */
        patch: operations["updateSettings"];
        trace?: never;
    };
    "/api/v1/boards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List boards
         * @description Needs the viewer role or above.
         */
        get: operations["listBoards"];
        put?: never;
        /**
         * Create a board
         * @description Needs the editor role or above.
         */
        post: operations["createBoard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/boards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a board with its columns
         * @description Needs the viewer role or above.
         */
        get: operations["getBoard"];
        put?: never;
        post?: never;
        /**
         * Delete a board with its columns and cards
         * @description Needs the editor role or above.
         */
        delete: operations["deleteBoard"];
        options?: never;
        head?: never;
        /**
         * Change a board
         * @description Needs the editor role or above.
         */
        patch: operations["updateBoard"];
        trace?: never;
    };
    "/api/v1/boards/{id}/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The board's email templates, one per kind (the default where it has none)
         * @description Needs the viewer role or above.
         */
        get: operations["listTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/boards/{id}/templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the board's template of one kind
         * @description Placeholders {{first_name}}, {{name}}, {{card_title}}, {{release_note}}, {{note}}, {{quote}}, {{card_url}}, {{product_name}}; a paragraph with {{quote}}, {{note}} or {{release_note}} is left out when that is empty. An unknown placeholder, or neither subject nor body naming {{card_title}}, is 422 with the field.
         *
         *     Needs the editor role or above.
         */
        put: operations["putTemplate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/boards/{id}/columns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a column
         * @description Needs the editor role or above.
         */
        post: operations["createColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a comment
         * @description Only its author (the member or API token that wrote it) or an admin.
         *
         *     Needs the support role or above.
         */
        delete: operations["deleteComment"];
        options?: never;
        head?: never;
        /**
         * Edit a comment
         * @description Only its author (the member or API token that wrote it) or an admin.
         *
         *     Needs the support role or above.
         */
        patch: operations["updateComment"];
        trace?: never;
    };
    "/api/v1/columns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an empty column
         * @description 409 while the column still holds cards.
         *
         *     Needs the editor role or above.
         */
        delete: operations["deleteColumn"];
        options?: never;
        head?: never;
        /**
         * Rename, re-stage or move a column
         * @description Needs the editor role or above.
         */
        patch: operations["updateColumn"];
        trace?: never;
    };
    "/api/v1/boards/{id}/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a board's cards
         * @description Needs the viewer role or above.
         */
        get: operations["listCards"];
        put?: never;
        /**
         * Create a card
         * @description Needs the support role or above; support may create cards only in columns of stage open (any other column: 403 forbidden, nothing created). Editors and admins create cards in any column.
         */
        post: operations["createCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/by-number/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a card by its number (reference closeloop-<n>)
         * @description Needs the viewer role or above. n is the card's number; closeloop-<n> (any case) is taken too.
         */
        get: operations["getCardByNumber"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a card
         * @description Needs the viewer role or above.
         */
        get: operations["getCard"];
        put?: never;
        post?: never;
        /**
         * Archive a card, or delete an archived one for good
         * @description The card leaves the board's lists but keeps its history (as POST /cards/{id}/archive). With ?permanent=true an archived card is deleted with its requests, conversations, comments, deliveries and history; a live card answers 409 (archive it first).
         *
         *     Needs the editor role or above.
         */
        delete: operations["deleteCard"];
        options?: never;
        head?: never;
        /**
         * Change a card
         * @description Needs the editor role or above.
         */
        patch: operations["updateCard"];
        trace?: never;
    };
    "/api/v1/cards/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a card
         * @description The default removal: the card leaves the board's lists and keeps its column, requests, comments and history; restore brings it back.
         *
         *     Needs the editor role or above.
         */
        post: operations["archiveCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a card
         * @description Into a done column for the first time, the card ships: shipped_at is set and the shipped emails are queued in the same transaction.
         *
         *     Needs the editor role or above.
         */
        post: operations["moveCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A card's history
         * @description Needs the viewer role or above.
         */
        get: operations["listActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/boards/{id}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A board's labels
         * @description Needs the viewer role or above.
         */
        get: operations["listBoardLabels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/boards/{id}/labels/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename or recolour a label across a board
         * @description The name in the path is URL-encoded. Renaming changes every card of the board that has the label (archived ones too).
         *
         *     Needs the editor role or above.
         */
        patch: operations["updateBoardLabel"];
        trace?: never;
    };
    "/api/v1/boards/{id}/satisfaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Answers to "Did this solve it?" on a board
         * @description Needs the viewer role or above. Shipped, unarchived cards newest first with their counts; totals and answers per day (last 90 days, UTC, days without answers left out) cover the whole board.
         */
        get: operations["boardSatisfaction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/reactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A card's answers to "Did this solve it?"
         * @description Needs the viewer role or above. Newest first; requester is null once the person is erased (their comment goes with them).
         */
        get: operations["cardReactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore an archived card
         * @description 409 for a card merged into another: unmerge it instead.
         *
         *     Needs the editor role or above.
         */
        post: operations["restoreCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A card's requests
         * @description Needs the viewer role or above.
         */
        get: operations["listRequests"];
        put?: never;
        /**
         * Link a requester to a card
         * @description Needs the support role or above. A new requester on a card that has already shipped is emailed at once; each member or API token may do that CLOSELOOP_LATE_EMAILS_PER_HOUR times (default 100) in any hour, then 429 and nothing is linked.
         */
        post: operations["createRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/requests/{requester_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unlink a requester from a card
         * @description Needs the support role or above.
         */
        delete: operations["deleteRequest"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A card's comments
         * @description Needs the viewer role or above.
         */
        get: operations["listComments"];
        put?: never;
        /**
         * Comment on a card
         * @description Writes an internal note with the caller as its author; it shows in the card's activity.
         *
         *     Needs the support role or above.
         */
        post: operations["createComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A card's conversations
         * @description Needs the viewer role or above.
         */
        get: operations["listConversations"];
        put?: never;
        /**
         * Link a conversation to a card
         * @description The tool (Intercom, Zendesk, Freshdesk, Help Scout, Front, email) and its conversation id are recognised from the URL.
         *
         *     Needs the support role or above.
         */
        post: operations["createConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live updates (Server-Sent Events)
         * @description Needs the viewer role or above. A text/event-stream of every change on every board, from every replica (PostgreSQL LISTEN/NOTIFY): events `card.created`, `card.updated`, `card.moved`, `card.shipped`, `card.archived`, `request.linked`, `reaction.received` and `delivery.progress`, each with an `id:` and, as `data:`, a LiveEvent (the card as GET /cards/{id} shows it; for `delivery.progress` the card's delivery summary, sent a few times a second at most while emails go out). A comment line every 15 s keeps the stream open; the caller's credentials are checked again each time. Reconnect with `Last-Event-ID` (EventSource does it by itself) to get what was missed; when that is no longer known the stream starts with an `event: resync` (reload what you show). A client that falls far behind is disconnected and catches up the same way. A stream ends after 30 minutes; reconnecting loses nothing.
         */
        get: operations["events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search across boards
         * @description Needs the viewer role or above (every role reads every board and person, so every caller searches everything). Cards by title, description and their requesters' quotes, and requesters by name, company and the start of their address; typo-tolerant (a word not in the installation's vocabulary also matches its nearest words, listed in `terms`) and prefix-matching. Archived cards are left out. Items are grouped by board (boards in order of their best hit; people form one group), ranked within a group; at most 200 hits are paged through.
         */
        get: operations["search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requesters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List or search requesters
         * @description Needs the viewer role or above.
         */
        get: operations["listRequesters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requesters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a requester
         * @description Needs the viewer role or above.
         */
        get: operations["getRequester"];
        put?: never;
        post?: never;
        /**
         * Erase a requester (GDPR)
         * @description The person and their personal data go (requests, conversations, deliveries); every card they asked for counts one requester less.
         *
         *     Needs the editor role or above.
         */
        delete: operations["eraseRequester"];
        options?: never;
        head?: never;
        /**
         * Change a requester
         * @description Needs the support role or above.
         */
        patch: operations["updateRequester"];
        trace?: never;
    };
    "/api/v1/requesters/{id}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What one person asked for
         * @description Needs the viewer role or above.
         */
        get: operations["listRequesterRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requesters/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Emails sent to one requester
         * @description Needs the viewer role or above.
         */
        get: operations["listRequesterDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A card's shipped-email deliveries
         * @description Needs the viewer role or above.
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/email-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preview the shipped email
         * @description Needs the editor role or above. The email is rendered as sent, but for its unsubscribe link: a preview carries <base>/u/preview, which unsubscribes nobody.
         */
        get: operations["emailPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/trello": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a Trello board
         * @description The body is the board's Trello export (Export as JSON), at most 40 MiB. Lists become columns in pos order, the stage guessed from the name; cards keep their order; closed cards and the cards of closed lists are archived; labels, descriptions, comments (with author and date) and checklists come along. Nothing imported ships a card or emails anyone. 202 starts a background import (follow GET /imports/{id}); with dry_run=true, 200 says what it would create. The same Trello board imported again is 409 already_imported with board_id. Not JSON is 400; JSON that is not a Trello export is 422 not_a_trello_export.
         *
         *     Needs the editor role or above.
         */
        post: operations["importTrello"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/closeloop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a Closeloop board export
         * @description The body is a board's export.json (at most 40 MiB): a new board with the same columns, cards in order, requests with every quote, conversations. People are found by address. Cards that had shipped keep shipped_at; nobody is emailed (their requesters get a suppressed delivery noting the import).
         *
         *     Needs the editor role or above.
         */
        post: operations["importCloseloop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import requests from a spreadsheet
         * @description The body is CSV (Content-Type: text/csv, at most 40 MiB) with the header email,name,company,card,quote,source,conversation_url (any order; email and card required). card is a number (12), reference (closeloop-12), id or exact title. Every row is checked; rows with a problem are listed in errors and nothing of them is written; all other rows are linked in one transaction. New requesters of a card that had shipped get the shipped email.
         *
         *     Needs the editor role or above.
         */
        post: operations["importRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An import's progress
         * @description status running, done or failed; progress counts rows written.
         *
         *     Needs the viewer role or above.
         */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/boards/{id}/export.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a board as JSON
         * @description Board, columns, every card (archived too) in order, with requests, quotes, conversations and comments; importable again with POST /imports/closeloop.
         *
         *     Needs the viewer role or above.
         */
        get: operations["exportBoardJSON"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/boards/{id}/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a board as CSV
         * @description One row per request (a card nobody asked for has one row): card, title, column, stage, kind, labels, requester_count, shipped_at, archived, email, name, company, quote, source, conversation_url, requested_at. Cells that start like a formula are prefixed with an apostrophe.
         *
         *     Needs the viewer role or above.
         */
        get: operations["exportBoardCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requesters/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything held about a person
         * @description The person's record, every request with every quote, their conversations and every email sent or not sent to them (GDPR access).
         *
         *     Needs the viewer role or above.
         */
        get: operations["exportRequester"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge a card into another
         * @description The card's requests (quotes kept; someone on both keeps one request), conversations, comments and labels move to into_id; the card is archived with merged_into_id. Nobody is emailed twice for one kind about the pair; if into_id has shipped, requesters not yet emailed get the shipped email. dry_run=true answers the same figures without merging.
         *
         *     Needs the editor role or above.
         */
        post: operations["mergeCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/unmerge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo a merge
         * @description Within 30 days of the merge: both cards get back their own requests, the conversations, comments and labels that moved go back, and the card is restored at the end of its column.
         *
         *     Needs the editor role or above.
         */
        post: operations["unmergeCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List inbound integrations
         * @description Needs the admin role or above.
         */
        get: operations["listIntegrations"];
        put?: never;
        /**
         * Add an inbound integration (a support tool posting to Closeloop)
         * @description Needs the admin role or above.
         */
        post: operations["createIntegration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an integration and its event log (its URL stops working)
         * @description Needs the admin role or above.
         */
        delete: operations["deleteIntegration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace an integration's secret (omitted: Closeloop generates one)
         * @description Needs the admin role or above.
         */
        post: operations["rotateIntegrationSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An integration's event log, newest first
         * @description Needs the admin role or above.
         */
        get: operations["listIntegrationEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hooks/in/{integration_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A support tool's event (no token: verified by the integration's secret)
         * @description The tool's own payload, verified per kind over the raw body: intercom X-Hub-Signature sha1=<hex HMAC-SHA1>; zendesk X-Zendesk-Webhook-Signature base64 HMAC-SHA256(timestamp+body) with X-Zendesk-Webhook-Signature-Timestamp within 5 minutes; freshdesk HTTP Basic auth, password = secret; helpscout X-HelpScout-Signature and front X-Front-Signature base64 HMAC-SHA1; generic Standard Webhooks (webhook-id, webhook-timestamp within 5 minutes, webhook-signature v1,<base64 HMAC-SHA256(id.timestamp.body)>). Answered only after the event is committed. Refusals record nothing but a counter.
         */
        post: operations["receiveInboundEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requesters/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge a requester into another
         * @description Two addresses of one person: requests, conversations and deliveries move to into_id; one request per card remains with every quote; this requester is deleted.
         *
         *     Needs the editor role or above.
         */
        post: operations["mergeRequester"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LabelPatch: {
            /** @description Rename on every card of the board; onto an existing label, the two merge. */
            name?: string;
            /** @enum {string} */
            color?: "grey" | "green" | "yellow" | "orange" | "red" | "purple" | "blue" | "sky" | "lime" | "pink" | "black";
        };
        /** @description Every label of the board (used on a live card, or coloured), most used first; one page. */
        BoardLabelList: {
            items: components["schemas"]["BoardLabel"][];
            /** @description Always null: the list is one page. */
            next_cursor: string | null;
        };
        /** @description A label of a board: its colour and how many live cards carry it. */
        BoardLabel: {
            name: string;
            /** @enum {string} */
            color: "grey" | "green" | "yellow" | "orange" | "red" | "purple" | "blue" | "sky" | "lime" | "pink" | "black";
            count: number;
        };
        NewIntegration: {
            /** @enum {string} */
            kind: "intercom" | "zendesk" | "freshdesk" | "helpscout" | "front" | "generic";
            name: string;
            /** @description The tool's own signing secret (8–500 characters; generic: whsec_<base64>); omitted ⇒ Closeloop generates one. */
            secret?: string;
        };
        IntegrationSecret: {
            secret?: string;
        };
        Integration: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "intercom" | "zendesk" | "freshdesk" | "helpscout" | "front" | "generic";
            name: string;
            /** @description Absolute: <base>/api/v1/hooks/in/<id>, where the tool posts. */
            url: string;
            /** Format: date-time */
            created_at: string;
        };
        IntegrationWithSecret: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "intercom" | "zendesk" | "freshdesk" | "helpscout" | "front" | "generic";
            name: string;
            /** @description Absolute: <base>/api/v1/hooks/in/<id>, where the tool posts. */
            url: string;
            /** Format: date-time */
            created_at: string;
            /** @description Shown only in this answer. */
            secret: string;
        };
        IntegrationList: {
            items: components["schemas"]["Integration"][];
            next_cursor: string | null;
        };
        InboundEvent: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            received_at: string;
            /** @description The tool's event id ("" when it sends none). */
            external_id: string;
            /**
             * @description unmatched: the payload names no customer email; link it by hand.
             * @enum {string}
             */
            outcome: "linked" | "duplicate" | "no_reference" | "unmatched" | "unknown_card";
            /** Format: uuid */
            card_id: string | null;
            requester_email: string;
            requester_name: string;
            quote: string;
            conversation_url: string;
            detail: string;
        };
        InboundEventList: {
            items: components["schemas"]["InboundEvent"][];
            next_cursor: string | null;
        };
        InboundAnswer: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            outcome: "linked" | "duplicate" | "no_reference" | "unmatched" | "unknown_card";
            /** Format: uuid */
            card_id: string | null;
            detail: string;
        };
        /** @description A page of active members, by name. */
        TeammateList: {
            items: components["schemas"]["Teammate"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /** @description An active member as the team sees them (no email, no role). */
        Teammate: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        /** @description A page of a card's comments, oldest first. */
        CommentList: {
            items: components["schemas"]["Comment"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        CommentBody: {
            body: string;
        };
        /** @description An internal note on a card, for the team only. */
        Comment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            card_id: string;
            /**
             * Format: uuid
             * @description The member who wrote it; null for an API token, an imported comment or a deleted member.
             */
            author_id: string | null;
            /** @description The name shown, as it was when written. */
            author: string;
            body: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description An outbound webhook: standard (Standard Webhooks, signed) or slack (incoming webhook, unsigned). */
        Webhook: {
            /** Format: uuid */
            id: string;
            url: string;
            /** @enum {string} */
            format: "standard" | "slack";
            events: ("card.created" | "card.moved" | "card.shipped" | "request.linked" | "delivery.failed" | "reaction.received")[];
            description: string;
            enabled: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        CreatedWebhook: {
            /** Format: uuid */
            id: string;
            url: string;
            /** @enum {string} */
            format: "standard" | "slack";
            events: ("card.created" | "card.moved" | "card.shipped" | "request.linked" | "delivery.failed" | "reaction.received")[];
            description: string;
            enabled: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description The signing secret (whsec_…), only in this answer. */
            secret: string;
        };
        /** @description A page of webhooks, newest first. */
        WebhookList: {
            items: components["schemas"]["Webhook"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        NewWebhook: {
            url: string;
            events: ("card.created" | "card.moved" | "card.shipped" | "request.linked" | "delivery.failed" | "reaction.received")[];
            /** @enum {string} */
            format: "standard" | "slack";
            description?: string;
        };
        WebhookPatch: {
            url?: string;
            events?: ("card.created" | "card.moved" | "card.shipped" | "request.linked" | "delivery.failed" | "reaction.received")[];
            /** @enum {string} */
            format?: "standard" | "slack";
            description?: string;
            enabled?: boolean;
        };
        /** @description One event on its way to one webhook. */
        WebhookDelivery: {
            /**
             * Format: uuid
             * @description Also the webhook-id header (msg_<id>) of every attempt.
             */
            id: string;
            /** @description One of the webhook events, or webhook.test. */
            event_type: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempts: number;
            /** @description The receiver's HTTP status at the last attempt; null when it did not answer. */
            last_status: number | null;
            last_error: string;
            /** Format: date-time */
            next_attempt_at: string | null;
            /** Format: date-time */
            created_at: string;
        };
        WebhookDeliveryList: {
            items: components["schemas"]["WebhookDelivery"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /** @description The one error shape every failure answers with. */
        Error: {
            error: {
                /** @description Stable machine-readable code, e.g. validation_failed, invalid_cursor (a list's ?cursor= is not one it handed out: start again without it), not_found, unknown_field, csrf_failed. */
                code: string;
                /** @description What went wrong, for people. */
                message: string;
                /** @description Field name → what is wrong with it (422 validation errors, 400 wrong types and unknown fields). */
                fields?: {
                    [key: string]: string;
                };
                /**
                 * Format: uuid
                 * @description already_imported: the board the earlier import created.
                 */
                board_id?: string;
                /**
                 * Format: uuid
                 * @description already_imported: the import that created it (or is creating it).
                 */
                import_id?: string;
            };
        };
        Health: {
            /**
             * @description ok (/healthz), ready or unavailable (/readyz).
             * @enum {string}
             */
            status: "ok" | "ready" | "unavailable";
            /** @description Why it is unavailable. */
            reason?: string;
        };
        /** @description A person who signs in. In GET /session answered to an API token, id is the nil UUID and email empty. */
        Member: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "editor" | "support" | "viewer";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            disabled_at: string | null;
            /**
             * Format: date-time
             * @description While the member has not set a password: when the latest invitation was made.
             */
            invited_at: string | null;
            /**
             * Format: date-time
             * @description When that invitation's link stops working (7 days after invited_at).
             */
            invite_expires_at: string | null;
        };
        /** @description A page of members, by name. */
        MemberList: {
            items: components["schemas"]["Member"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        Session: {
            member: components["schemas"]["Member"];
            /** @description Send it back in X-CSRF-Token on every cookie request that changes state; empty for API tokens. */
            csrf_token: string;
            /**
             * Format: date-time
             * @description When the session cookie expires; only in the answer to signing in.
             */
            expires_at?: string;
        };
        /** @description The answer to signing in: a session that says when it expires. */
        SignedIn: WithRequired<components["schemas"]["Session"], "expires_at">;
        Token: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "editor" | "support" | "viewer";
            /** @description First characters of the secret, to recognise it. */
            prefix: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_used_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
            /**
             * @description Whether the token works: a token stops the moment the member who made it is disabled (creator_disabled; it works again if they are enabled) or deleted (creator_deleted, revoked).
             * @enum {string}
             */
            status: "active" | "revoked" | "creator_disabled" | "creator_deleted";
            /**
             * Format: uuid
             * @description The member who made it; null for tokens from the command line, or once its maker is deleted.
             */
            created_by: string | null;
            /** @description The secret (cl_…), only in the answer that creates the token. */
            token?: string;
        };
        /** @description A token just created: the secret is in token, shown this once. */
        CreatedToken: WithRequired<components["schemas"]["Token"], "token">;
        /** @description A page of API tokens, newest first, without secrets. */
        TokenList: {
            items: components["schemas"]["Token"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        Column: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            board_id: string;
            name: string;
            /** @enum {string} */
            stage: "open" | "planned" | "in_progress" | "done" | "declined";
            /** @description 0-based place on the board. */
            position: number;
            /** @description The web UI pre-selects "email the requesters" for a move into this column (POST /cards/{id}/move with notify). Only planned, in_progress and declined columns have it; a stage change to another stage turns it off. */
            notify_default: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description The workspace's settings. An empty text is not set. */
        Settings: {
            product_name: string;
            sender_name: string;
            reply_to: string;
            signature: string;
            /** @description #rrggbb or empty */
            accent_color: string;
            coalesce_seconds: number;
            /** Format: date-time */
            updated_at: string;
        };
        SettingsPatch: {
            product_name?: string;
            sender_name?: string;
            /** @description an email address, or empty */
            reply_to?: string;
            signature?: string;
            accent_color?: string;
            coalesce_seconds?: number;
        };
        EmailTemplate: {
            /** Format: uuid */
            board_id: string;
            /** @enum {string} */
            kind: "shipped" | "planned" | "in_progress" | "declined";
            subject: string;
            body: string;
            /** @description false while it is the default */
            custom: boolean;
            /** Format: date-time */
            updated_at: string | null;
        };
        TemplateList: {
            items: components["schemas"]["EmailTemplate"][];
            placeholders: string[];
        };
        TemplatePut: {
            subject: string;
            body: string;
        };
        Board: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            columns: components["schemas"]["Column"][];
            /** @description Subject of this board's shipped emails; empty: the default. */
            email_subject: string;
            /** @description Opening paragraph of this board's shipped emails; empty: the default. */
            email_intro: string;
            /** @description Its roadmap, changelog and Atom feed are published at /roadmap/{slug} (opt-in). */
            public: boolean;
            /** @description The roadmap's address; null until given (making a board public without one takes one from its name). */
            slug: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description A page of boards, by name. */
        BoardList: {
            items: components["schemas"]["Board"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        Card: {
            /** Format: uuid */
            id: string;
            /** @description Unique per installation, given at creation in order; the card's reference is closeloop-<number>. */
            number: number;
            /** Format: uuid */
            board_id: string;
            /** Format: uuid */
            column_id: string;
            /** @enum {string} */
            kind: "idea" | "issue" | "request";
            title: string;
            description: string;
            labels: string[];
            /** @description Fractional-index key: cards of a column sort by it bytewise. */
            position: string;
            requester_count: number;
            reactions: components["schemas"]["ReactionCounts"];
            release_note: string;
            /** Format: date-time */
            shipped_at: string | null;
            /** @description Grows with every change; also the ETag. */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            archived_at: string | null;
            /**
             * Format: uuid
             * @description Set while the card is merged into that card (it is archived meanwhile).
             */
            merged_into_id: string | null;
            /**
             * Format: uuid
             * @description The member who owns the card (null: nobody).
             */
            owner_id: string | null;
        };
        /** @description A page of a board's live cards. */
        CardList: {
            items: components["schemas"]["Card"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
            /** @description How many cards the filters (column_id, kind, q, label) match on all pages: a column's true count while only its first cards are loaded. GET /boards/{id}/cards always sends it. */
            total?: number;
        };
        Activity: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            card_id: string | null;
            /** Format: uuid */
            board_id: string | null;
            /** @description Member name, or token:<name> for API tokens. */
            actor: string;
            /** @description What happened: created, edited, moved, shipped, archived, request_linked, request_unlinked, conversation_linked, requester_erased (more may come). */
            action: string;
            /** Format: uuid */
            from_column_id: string | null;
            /** Format: uuid */
            to_column_id: string | null;
            detail: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
        };
        /** @description A page of a card's history, newest first. */
        ActivityList: {
            items: components["schemas"]["Activity"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        RequesterBrief: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            company: string;
        };
        Quote: {
            text: string;
            source: string;
            linked_by: string;
            /** Format: date-time */
            at: string;
        };
        Conversation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            card_id: string;
            url: string;
            /** @enum {string} */
            tool: "intercom" | "zendesk" | "freshdesk" | "helpscout" | "front" | "email" | "other";
            /** @description The conversation's id in its tool; empty when the link carries none. */
            external_id: string;
            /** Format: uuid */
            requester_id: string | null;
            /** @description In lists, for display. */
            requester_email?: string;
            /** @description In lists, for display. */
            requester_name?: string;
            excerpt: string;
            /** Format: date-time */
            created_at: string;
        };
        /** @description A page of a card's conversations. */
        ConversationList: {
            items: components["schemas"]["Conversation"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /** @description A card × requester link, with the requester's conversations on the card. */
        Request: {
            /** Format: uuid */
            card_id: string;
            requester: components["schemas"]["RequesterBrief"];
            /** @description The latest quote. */
            quote: string;
            source: string;
            /** @description Every quote ever given, oldest first. */
            quotes: components["schemas"]["Quote"][];
            linked_by: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            conversations: components["schemas"]["Conversation"][];
        };
        /** @description A page of a card's requests. */
        RequestList: {
            items: components["schemas"]["Request"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /** @description The answer to linking a requester; conversation is present when conversation_url was given. */
        LinkedRequest: {
            /** Format: uuid */
            card_id: string;
            requester: components["schemas"]["RequesterBrief"];
            /** @description The latest quote. */
            quote: string;
            source: string;
            /** @description Every quote ever given, oldest first. */
            quotes: components["schemas"]["Quote"][];
            linked_by: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description The card had already shipped: the shipped email is on its way to this requester. */
            card_shipped: boolean;
            conversation?: components["schemas"]["Conversation"];
        };
        Requester: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            company: string;
            /** @description Tool → the person's id there. */
            external_ids: {
                [key: string]: string;
            };
            /** Format: date-time */
            unsubscribed_at: string | null;
            /** Format: date-time */
            bounced_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            request_count: number;
        };
        /** @description The data of one GET /events event. */
        LiveEvent: {
            /** @enum {string} */
            type: "card.created" | "card.updated" | "card.moved" | "card.shipped" | "card.archived" | "request.linked" | "reaction.received" | "delivery.progress";
            /** Format: uuid */
            board_id: string | null;
            /** Format: uuid */
            card_id: string | null;
            /** Format: uuid */
            from_column_id?: string;
            actor?: string;
            /** @description null when the card was deleted since. */
            card: components["schemas"]["Card"] | null;
            requester?: components["schemas"]["RequesterBrief"];
            summary?: components["schemas"]["DeliverySummary"];
        };
        /** @description A card (with card, board, match) or a requester (with requester). */
        SearchHit: {
            /** @enum {string} */
            type: "card" | "requester";
            rank: number;
            card?: components["schemas"]["Card"];
            board?: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description What of the card matched: its title, a snippet of its description, or a snippet of one requester's quote (and whose). */
            match?: {
                /** @enum {string} */
                field: "title" | "description" | "quote";
                text: string;
                requester: components["schemas"]["RequesterBrief"] | null;
            };
            requester?: components["schemas"]["Requester"];
        };
        SearchResults: {
            items: components["schemas"]["SearchHit"][];
            next_cursor: string | null;
            /** @description The words searched for: the typed ones and their corrections (for marking them in snippets). */
            terms: string[];
        };
        /** @description A page of requesters. */
        RequesterList: {
            items: components["schemas"]["Requester"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        RequesterRequest: {
            /** Format: uuid */
            card_id: string;
            title: string;
            /** Format: uuid */
            board_id: string;
            /** Format: uuid */
            column_id: string;
            column_name: string;
            /** @enum {string} */
            stage: "open" | "planned" | "in_progress" | "done" | "declined";
            /** Format: date-time */
            shipped_at: string | null;
            archived: boolean;
            quote: string;
            source: string;
            /** Format: date-time */
            created_at: string;
        };
        /** @description A page of what one person asked for, newest first. */
        RequesterRequestList: {
            items: components["schemas"]["RequesterRequest"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /** @description One email to one requester. */
        Delivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            card_id: string;
            card_title: string;
            /**
             * Format: uuid
             * @description null once the requester was erased.
             */
            requester_id: string | null;
            /** @description Empty once the requester was erased. */
            email: string;
            /**
             * @description Which email: today only the shipped email.
             * @enum {string}
             */
            kind: "shipped";
            /** @enum {string} */
            status: "queued" | "sent" | "failed" | "suppressed";
            attempts: number;
            last_error: string;
            /** Format: date-time */
            queued_at: string;
            /** Format: date-time */
            sent_at: string | null;
        };
        DeliverySummary: {
            queued: number;
            sent: number;
            failed: number;
            suppressed: number;
        };
        DeliveryList: {
            summary: components["schemas"]["DeliverySummary"];
            items: components["schemas"]["Delivery"][];
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            next_cursor: string | null;
        };
        EmailPreview: {
            /** @enum {string} */
            kind: "shipped" | "planned" | "in_progress" | "declined";
            to: string;
            subject: string;
            text: string;
            html: string;
        };
        SignIn: {
            /** @description At most 320 bytes (UTF-8). */
            email: string;
            /**
             * Format: password
             * @description At most 1,024 bytes (UTF-8).
             */
            password: string;
        };
        /** @description Without password (or with an empty one) the member is invited: they get an email with a link to set their own, which works once, for 7 days; until then they cannot sign in and invited_at is set. */
        NewMember: {
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "editor" | "support" | "viewer";
            /**
             * Format: password
             * @description At least 10 characters; leave it out to invite the member by email.
             */
            password?: string;
        };
        PasswordResetRequest: {
            /** @description The address the member signs in with. */
            email: string;
        };
        Accepted: {
            /** @description What happens next, for people. */
            message: string;
        };
        /** @description Whom an emailed link is for. */
        MemberLink: {
            /**
             * @description invite: set a first password; reset: choose a new one.
             * @enum {string}
             */
            purpose: "invite" | "reset";
            email: string;
            name: string;
            /** Format: date-time */
            expires_at: string;
        };
        UseMemberLink: {
            /** Format: password */
            password: string;
        };
        OwnAccountPatch: {
            name?: string;
            /**
             * Format: password
             * @description Required with password.
             */
            current_password?: string;
            /** Format: password */
            password?: string;
        };
        MemberPatch: {
            name?: string;
            /** @enum {string} */
            role?: "admin" | "editor" | "support" | "viewer";
            /** Format: password */
            password?: string;
            disabled?: boolean;
        };
        NewToken: {
            name: string;
            /** @enum {string} */
            role: "admin" | "editor" | "support" | "viewer";
        };
        ColumnSpec: {
            name: string;
            /** @enum {string} */
            stage: "open" | "planned" | "in_progress" | "done" | "declined";
            /** @description Absent: false. Pre-select "email the requesters" for moves into it; true only for planned, in_progress and declined columns (else 422 with the field columns[i].notify_default). */
            notify_default?: boolean;
        };
        NewBoard: {
            name: string;
            description?: string;
            /** @description Absent: Ideas/open, Planned/planned, In progress/in_progress, Done/done. */
            columns?: components["schemas"]["ColumnSpec"][];
        };
        BoardPatch: {
            name?: string;
            description?: string;
            /** @description One line. */
            email_subject?: string;
            email_intro?: string;
            /** @description Publish (or stop publishing) the board's roadmap, changelog and feed. */
            public?: boolean;
            /** @description Lowercase letters, digits and single hyphens, unique; "" removes it while the board is not public (422 while it is). */
            slug?: string;
        };
        NewColumn: {
            name: string;
            /** @enum {string} */
            stage: "open" | "planned" | "in_progress" | "done" | "declined";
            /** @description 0-based; absent: last. */
            position?: number;
            /** @description Absent: false. Pre-select "email the requesters" for moves into it; true only for planned, in_progress and declined columns (else 422 with the field). */
            notify_default?: boolean;
        };
        ColumnPatch: {
            name?: string;
            /** @enum {string} */
            stage?: "open" | "planned" | "in_progress" | "done" | "declined";
            position?: number;
            /** @description true only for planned, in_progress and declined columns (else 422 with the field). */
            notify_default?: boolean;
        };
        NewCard: {
            /** Format: uuid */
            column_id: string;
            /** @enum {string} */
            kind: "idea" | "issue" | "request";
            /** @description One line: no control characters. */
            title: string;
            description?: string;
            labels?: string[];
        };
        CardPatch: {
            title?: string;
            description?: string;
            /** @enum {string} */
            kind?: "idea" | "issue" | "request";
            labels?: string[];
            release_note?: string;
            /**
             * Format: uuid
             * @description An active member's id; null clears the owner. Anything else is 422.
             */
            owner_id?: string | null;
        };
        CardMove: {
            /** Format: uuid */
            column_id: string;
            /**
             * Format: uuid
             * @description Place the card just before this card of the target column.
             */
            before_id?: string;
            /**
             * Format: uuid
             * @description Place the card just after this card (give before_id or after_id, not both; neither: last).
             */
            after_id?: string;
            release_note?: string;
            /** @description Into a planned, in_progress or declined column: email every requester once per (card, requester, kind). */
            notify?: boolean;
            /** @description Fills {{note}} of the status email (and of the shipped email when the move ships). */
            note?: string;
        };
        NewRequest: {
            /** @description Case-insensitive identity of the requester. */
            email: string;
            name?: string;
            company?: string;
            quote?: string;
            /** @description Where the request came from: one of intercom, zendesk, freshdesk, helpscout, front, email, phone, meeting, chat, roadmap, import, other (any case). Omitted or empty: the tool of conversation_url, else other. Anything else: 422 with field source. */
            source?: string;
            /** @description Optional (a phone call or a meeting has none). Also recorded as a conversation of this card and requester. */
            conversation_url?: string;
        };
        NewConversation: {
            url: string;
            requester_email?: string;
            excerpt?: string;
        };
        RequesterPatch: {
            email?: string;
            name?: string;
            company?: string;
            /** @description Merged into the stored ids; a key set to null or "" is removed. */
            external_ids?: {
                [key: string]: string | null;
            };
        };
        /** @description Answers to "Did this solve it?" (one per shipped email). */
        ReactionCounts: {
            yes: number;
            no: number;
        };
        ReactionForm: {
            /** @enum {string} */
            answer: "yes" | "no";
            comment?: string;
        };
        Satisfaction: {
            items: {
                /** Format: uuid */
                card_id: string;
                title: string;
                /** Format: date-time */
                shipped_at: string;
                yes: number;
                no: number;
            }[];
            next_cursor: string | null;
            totals: components["schemas"]["ReactionCounts"];
            days: {
                /** Format: date */
                day: string;
                yes: number;
                no: number;
            }[];
        };
        ReactionList: {
            items: {
                /** Format: uuid */
                delivery_id: string;
                requester: {
                    /** Format: uuid */
                    id: string;
                    email: string;
                    name: string;
                } | null;
                /** @enum {string} */
                answer: "yes" | "no";
                comment: string;
                /** Format: date-time */
                answered_at: string;
            }[];
            next_cursor: string | null;
        };
        WantForm: {
            /** Format: email */
            email: string;
            /** @description What it would help them do; kept as their words on the request. */
            quote?: string;
        };
        UnsubscribeForm: {
            /** @enum {string} */
            "List-Unsubscribe"?: "One-Click";
        };
        ImportCounts: {
            columns: number;
            cards: number;
            archived_cards: number;
            labels: number;
            comments: number;
            requests: number;
            conversations: number;
            skipped: number;
        };
        Import: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "trello" | "closeloop";
            name: string;
            /** @enum {string} */
            status: "running" | "done" | "failed";
            progress: {
                done: number;
                total: number;
            };
            /** Format: uuid */
            board_id: string | null;
            counts: components["schemas"]["ImportCounts"];
            errors: string[];
            /** @description What was not imported, and why (e.g. comments older than the export's last 1,000 actions). */
            warnings: string[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            finished_at: string | null;
        };
        ImportPreview: {
            dry_run: boolean;
            name: string;
            columns: {
                name: string;
                /** @enum {string} */
                stage: "open" | "planned" | "in_progress" | "done" | "declined";
                archived: boolean;
                cards: number;
                archived_cards: number;
            }[];
            counts: components["schemas"]["ImportCounts"];
            warnings: string[];
        };
        RequestsImport: {
            dry_run: boolean;
            /** @description Data rows read (the header is not one). */
            rows: number;
            /** @description Rows linked (dry run: that would be). */
            linked: number;
            new_requests: number;
            new_requesters: number;
            /** @description New requesters of cards that had shipped: each gets the shipped email. */
            shipped_emails: number;
            errors: {
                /** @description 1 = the first row after the header. */
                row: number;
                /** @description The file's line the row starts on (the header is line 1). */
                line: number;
                field: string;
                message: string;
            }[];
            warnings: string[];
        };
        /** @description A board as Closeloop exports it; POST /imports/closeloop reads it back. */
        BoardExport: {
            /** @enum {string} */
            format: "closeloop.board";
            version: number;
            /** Format: date-time */
            exported_at?: string;
            board: Record<string, never>;
            columns: Record<string, never>[];
            cards: Record<string, never>[];
        };
        RequesterExport: {
            format: string;
            /** Format: date-time */
            exported_at?: string;
            requester: components["schemas"]["Requester"];
            requests: Record<string, never>[];
            conversations: Record<string, never>[];
            deliveries: components["schemas"]["Delivery"][];
        };
        MergeInto: {
            /** Format: uuid */
            into_id: string;
        };
        CardMerge: {
            dry_run: boolean;
            /** Format: uuid */
            merge_id: string;
            card: components["schemas"]["Card"];
            into: components["schemas"]["Card"];
            /** @description Requesters who were only on the merged card. */
            moved: number;
            /** @description Requesters on both cards: one request remains. */
            already_on_target: number;
            conversations: number;
            comments: number;
            /** @description People already emailed about the merged card: not emailed again about the target. */
            suppressed: number;
            /** @description The target had shipped: people the merge emails now. */
            shipped_emails: number;
        };
        RequesterMerge: {
            requester: components["schemas"]["Requester"];
            requests: number;
            combined: number;
            conversations: number;
            deliveries: number;
        };
    };
    responses: {
        /** @description Malformed body, wrong type, unknown field, text that is not valid UTF-8 (invalid_utf8, naming the field), or an id in the path that is not a UUID. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No credentials, or invalid ones. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The caller's role lacks the right, or a cookie request that changes state came without the X-CSRF-Token header. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such object (also for objects the caller may not see). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The change conflicts with the current state. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description If-Match is stale: someone else changed the card; nothing was changed. */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is larger than 1 MiB. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is not sent with Content-Type: application/json (a missing Content-Type is refused too). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Validation failed; fields says which and why. A ?cursor= the list did not hand out answers the code invalid_cursor (fields.cursor says so). */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many attempts; try again later. */
        RateLimited: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A needed part (the notifier) is not running. */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description A public board's slug. */
        Slug: string;
        Id: string;
        DeliveryIdPath: string;
        RequesterIdPath: string;
        /** @description The signed token from the email's List-Unsubscribe link. */
        Token: string;
        Limit: number;
        /** @description next_cursor of the previous page. */
        Cursor: string;
        /** @description The card's ETag as last received (e.g. "3"); a stale one answers 412 and changes nothing. Absent or *: no precondition. */
        IfMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description The card's version, quoted ("3"); send it back in If-Match. */
        ETag: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Not ready: database unreachable or migrations pending. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3 document of every route. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    robots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description User-agent: *, Allow: /roadmap/, Disallow: /. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    unsubscribePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the email's List-Unsubscribe link. */
                token: components["parameters"]["Token"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page with the one-click unsubscribe button. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is forged, altered, cut short, or a preview's (/u/preview); nothing changes. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the email's List-Unsubscribe link. */
                token: components["parameters"]["Token"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["UnsubscribeForm"];
            };
        };
        responses: {
            /** @description Unsubscribed from every notification email of this Closeloop; repeating it is harmless. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is forged, altered, cut short, or a preview's (/u/preview); nothing changes. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    reactionPage: {
        parameters: {
            query?: {
                answer?: "yes" | "no";
            };
            header?: never;
            path: {
                /** @description The signed token from the email's List-Unsubscribe link. */
                token: components["parameters"]["Token"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The form with both answers and an optional comment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is forged, altered or cut short, or its card is gone; nothing changes. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    react: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the email's List-Unsubscribe link. */
                token: components["parameters"]["Token"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["ReactionForm"];
            };
        };
        responses: {
            /** @description Recorded; a thank-you page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A browser posted it from another site; nothing changes. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is forged, altered or cut short; nothing changes. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form is over 16 KiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not a form post; nothing changes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description answer is not yes or no, or the comment is too long; the form again, with the problem. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    roadmap: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A public board's slug. */
                slug: components["parameters"]["Slug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The roadmap page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No public board has this slug (a board that is not public answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    changelog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A public board's slug. */
                slug: components["parameters"]["Slug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changelog page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No public board has this slug (a board that is not public answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    roadmapFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A public board's slug. */
                slug: components["parameters"]["Slug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description No public board has this slug (a board that is not public answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    wantThisToo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A public board's slug. */
                slug: components["parameters"]["Slug"];
                /** @description The card (its id until card numbers land). */
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["WantForm"];
            };
        };
        responses: {
            /** @description The confirmation email is on its way. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Posted from another site; nothing changes. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No public board has this slug (a board that is not public answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form is over 16 KiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not a form post. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The email is not an address or the quote is too long; nothing sent. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many asks from this address or network in the last hour (Retry-After); nothing sent. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    confirmWantPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the email's List-Unsubscribe link. */
                token: components["parameters"]["Token"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The confirmation button. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is forged, altered, expired (a week) or its roadmap is private; nothing changes. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    confirmWant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the email's List-Unsubscribe link. */
                token: components["parameters"]["Token"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": Record<string, never>;
            };
        };
        responses: {
            /** @description Linked (or already linked). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Posted from another site; nothing changes. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is forged, altered, expired (a week) or its roadmap is private; nothing changes. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The card was archived meanwhile; nothing changes. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not a form post. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    publicCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card's title, release note and shipped date. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No shipped card has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignIn"];
            };
        };
        responses: {
            /** @description Signed in: the closeloop_session cookie (HttpOnly, SameSite=Lax) is set. */
            201: {
                headers: {
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    updateOwnAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OwnAccountPatch"];
            };
        };
        responses: {
            /** @description Changed: the member as they are now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description Accepted: if the address is a member's, the email is on its way. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
        };
    };
    getMemberLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of an emailed link (invitation or password reset). */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link works. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberLink"];
                };
            };
            422: components["responses"]["ValidationFailed"];
        };
    };
    useMemberLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of an emailed link (invitation or password reset). */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UseMemberLink"];
            };
        };
        responses: {
            /** @description Password set and signed in: the closeloop_session cookie (HttpOnly, SameSite=Lax) is set. */
            201: {
                headers: {
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listTeammates: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of active members, by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeammateList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listMembers: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members, by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    createMember: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewMember"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    deleteMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberPatch"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    resendInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitation is on its way: the member with the new invited_at. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listTokens: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tokens, newest first, without secrets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewToken"];
            };
        };
        responses: {
            /** @description Created; the secret is in token, shown this once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of webhooks, newest first, without secrets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewWebhook"];
            };
        };
        responses: {
            /** @description Created; the signing secret is in secret, shown this once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPatch"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued: a webhook.test delivery, in the delivery log. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
                delivery_id: components["parameters"]["DeliveryIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pending again, from the start of the retry schedule. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettingsPatch"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listBoards: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of boards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    createBoard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewBoard"];
            };
        };
        responses: {
            /** @description Created, with its columns. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Board"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    getBoard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The board. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Board"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteBoard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateBoard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BoardPatch"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Board"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every kind's template and the placeholders a template may use. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    putTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
                kind: "shipped" | "planned" | "in_progress" | "declined";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplatePut"];
            };
        };
        responses: {
            /** @description Stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailTemplate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    createColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewColumn"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    deleteComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentBody"];
            };
        };
        responses: {
            /** @description The comment as edited. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    deleteColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ColumnPatch"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listCards: {
        parameters: {
            query?: {
                column_id?: string;
                kind?: "idea" | "issue" | "request";
                /** @description Words of the title or description, or part of the title. */
                q?: string;
                /** @description Cards having every one of these labels, comma-separated (label=a,b). */
                label?: string;
                /** @description true: the board's archived cards instead of its live ones, most recently changed first (sort=position reads as recent). */
                archived?: "true" | "false";
                /** @description Cards this member owns: a member's id, or me (the signed-in member; 422 for an API token). */
                owner?: string;
                /** @description position: board order; demand: requester count, then recency; recent: last changed first. */
                sort?: "position" | "demand" | "recent";
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    createCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewCard"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Card"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    getCardByNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's number, e.g. 12 or closeloop-12. */
                n: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Card"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Card"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteCard: {
        parameters: {
            query?: {
                /** @description true: delete the (archived) card for good. */
                permanent?: "true" | "false";
            };
            header?: {
                /** @description The card's ETag as last received (e.g. "3"); a stale one answers 412 and changes nothing. Absent or *: no precondition. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    updateCard: {
        parameters: {
            query?: never;
            header?: {
                /** @description The card's ETag as last received (e.g. "3"); a stale one answers 412 and changes nothing. Absent or *: no precondition. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardPatch"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Card"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    archiveCard: {
        parameters: {
            query?: never;
            header?: {
                /** @description The card's ETag as last received (e.g. "3"); a stale one answers 412 and changes nothing. Absent or *: no precondition. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card, archived (archiving it again changes nothing). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Card"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
        };
    };
    moveCard: {
        parameters: {
            query?: never;
            header?: {
                /** @description The card's ETag as last received (e.g. "3"); a stale one answers 412 and changes nothing. Absent or *: no precondition. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardMove"];
            };
        };
        responses: {
            /** @description Moved. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Card"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listActivity: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listBoardLabels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The board's labels with colour and count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardLabelList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateBoardLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LabelPatch"];
            };
        };
        responses: {
            /** @description The label as it now is. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardLabel"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    boardSatisfaction: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cards, with the board's totals and days. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Satisfaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    cardReactions: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReactionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    restoreCard: {
        parameters: {
            query?: never;
            header?: {
                /** @description The card's ETag as last received (e.g. "3"); a stale one answers 412 and changes nothing. Absent or *: no precondition. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card, back at the end of its column (a live card is answered as it is). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Card"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
        };
    };
    listRequests: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    createRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewRequest"];
            };
        };
        responses: {
            /** @description They had already asked; the new quote is kept too. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkedRequest"];
                };
            };
            /** @description A new link. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkedRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
                requester_id: components["parameters"]["RequesterIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listComments: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of comments, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    createComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentBody"];
            };
        };
        responses: {
            /** @description The new comment. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listConversations: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of conversations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    createConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewConversation"];
            };
        };
        responses: {
            /** @description The card already had this URL. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description A new conversation. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    events: {
        parameters: {
            query?: never;
            header?: {
                /** @description The id of the last event received. */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    search: {
        parameters: {
            query: {
                /** @description Words; `-word` excludes. */
                q: string;
                limit?: number;
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of hits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResults"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listRequesters: {
        parameters: {
            query?: {
                /** @description Part of a name, email or company. */
                q?: string;
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of requesters. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequesterList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    getRequester: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The requester. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Requester"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    eraseRequester: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateRequester: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequesterPatch"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Requester"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listRequesterRequests: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequesterRequestList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listRequesterDeliveries: {
        parameters: {
            query?: {
                status?: "queued" | "sent" | "failed" | "suppressed";
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries (items carry card_id). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                status?: "queued" | "sent" | "failed" | "suppressed";
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts by status and a page of deliveries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    emailPreview: {
        parameters: {
            query?: {
                /** @description Render it as this requester gets it; absent: a sample requester. */
                requester_id?: string;
                /** @description Which email; absent: shipped. */
                kind?: "shipped" | "planned" | "in_progress" | "declined";
                /** @description A draft subject to render instead of the board's (checked as PUT /boards/{id}/templates/{kind} checks it: 422). */
                subject?: string;
                /** @description A draft body to render instead of the board's. */
                body?: string;
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rendered email; nothing is sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailPreview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    importTrello: {
        parameters: {
            query?: {
                /** @description true: check and say what would happen; nothing is written. */
                dry_run?: "true" | "false" | "1" | "0";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A Trello board export. */
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Dry run: the columns and stages it would create. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportPreview"];
                };
            };
            /** @description The import started. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Import"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    importCloseloop: {
        parameters: {
            query?: {
                /** @description true: check and say what would happen; nothing is written. */
                dry_run?: "true" | "false" | "1" | "0";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A Closeloop board export. */
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Dry run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportPreview"];
                };
            };
            /** @description The import started. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Import"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    importRequests: {
        parameters: {
            query?: {
                /** @description true: check and say what would happen; nothing is written. */
                dry_run?: "true" | "false" | "1" | "0";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description What was linked and which rows were not. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestsImport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The import. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Import"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    exportBoardJSON: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export (an attachment). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardExport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    exportBoardCSV: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV (an attachment). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    exportRequester: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person's data (an attachment). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequesterExport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    mergeCard: {
        parameters: {
            query?: {
                /** @description true: check and say what would happen; nothing is written. */
                dry_run?: "true" | "false" | "1" | "0";
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeInto"];
            };
        };
        responses: {
            /** @description What moved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardMerge"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    unmergeCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unmerged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardMerge"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listIntegrations: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of integrations, newest first, without secrets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    createIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewIntegration"];
            };
        };
        responses: {
            /** @description Created; secret is shown this once. url is where the tool posts. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    deleteIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    rotateIntegrationSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["IntegrationSecret"];
            };
        };
        responses: {
            /** @description The integration with its new secret, shown this once. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listIntegrationEvents: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description next_cursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of received events with their outcomes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundEventList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    receiveInboundEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The integration's id. */
                integration_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Recorded, with its outcome. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
        };
    };
    mergeRequester: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeInto"];
            };
        };
        responses: {
            /** @description The requester kept. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequesterMerge"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
