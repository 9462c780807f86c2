package domain

// The default templates, in the product's voice: thank them by name, say exactly what
// happened, link to it, be honest about what comes next, ask nothing of them. A
// paragraph with {{quote}}, {{note}} or {{release_note}} is left out when that is
// empty, so the shipped email quotes the customer's own words only when there are some.
var defaultTemplates = map[string]EmailTemplate{
	EmailShipped: {Kind: EmailShipped, Subject: "Shipped: {{card_title}}",
		Body: `Hi {{name}},

You asked us for "{{card_title}}", and it has shipped.

You told us: "{{quote}}"

{{release_note}}

See what shipped: {{card_url}}

Thank you for taking the time to tell us what you needed. Requests like yours decide what we build next.`},
	EmailPlanned: {Kind: EmailPlanned, Subject: "Planned: {{card_title}}",
		Body: `Hi {{name}},

Thank you for asking for "{{card_title}}". It is now on our plan.

{{note}}

Planned is not a promise of a date: we will email you again when it ships.

Follow it here: {{card_url}}`},
	EmailInProgress: {Kind: EmailInProgress, Subject: "We started on {{card_title}}",
		Body: `Hi {{name}},

You asked us for "{{card_title}}", and we have started building it.

{{note}}

We will email you as soon as it ships.

Follow it here: {{card_url}}`},
	EmailDeclined: {Kind: EmailDeclined, Subject: "About your request: {{card_title}}",
		Body: `Hi {{name}},

Thank you for asking for "{{card_title}}". We have decided not to build it, and we would rather tell you than leave you waiting.

{{note}}

Your request helped us decide, and we read every one. If something changes, you will hear from us.`},
}

// DefaultTemplate is the template of kind a board has until it writes its own.
func DefaultTemplate(kind string) EmailTemplate { return defaultTemplates[kind] }
