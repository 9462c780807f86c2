import type { ReactNode } from 'react'
import { CopyField } from '../ui/CopyButton'
import type { IntegrationKind } from './api'

// What an admin does in each tool, from the tools' own documentation (Intercom Developer Hub
// webhooks, Zendesk webhooks and triggers, Freshdesk automation rules, Help Scout's Webhooks
// app, Front rule webhooks) and the keys of api.md "Inbound".

/** The trigger body Zendesk sends (api.md): its keys are what Closeloop reads. */
export const zendeskBody = JSON.stringify(
  {
    ticket_id: '{{ticket.id}}', ticket_title: '{{ticket.title}}', ticket_description: '{{ticket.description}}',
    ticket_url: '{{ticket.url}}', link: '{{ticket.link}}', requester_email: '{{ticket.requester.email}}',
    requester_full_name: '{{ticket.requester.name}}', tags: '{{ticket.tags}}', latest_comment: '{{ticket.latest_comment}}',
  },
  null,
  2,
)

/** The automation body Freshdesk sends (api.md). */
export const freshdeskBody = JSON.stringify(
  {
    freshdesk_webhook: {
      triggered_event: '{{triggered_event}}', ticket_id: '{{ticket.id}}', ticket_url: '{{ticket.url}}',
      ticket_subject: '{{ticket.subject}}', ticket_description: '{{ticket.description}}', ticket_tags: '{{ticket.tags}}',
      ticket_latest_public_comment: '{{ticket.latest_public_comment}}', requester_name: '{{ticket.requester.name}}',
      requester_email: '{{ticket.requester.email}}',
    },
  },
  null,
  2,
)

export interface ToolInfo {
  label: string
  /** Whose secret signs the calls: the tool's own (paste it here) or one Closeloop generates (paste it there). */
  secretFrom: 'tool' | 'closeloop'
  /** Where the tool's own secret is found, for the form's hint. */
  secretHint?: string
  /** How an agent sends a conversation to card #12. */
  usage: string
}

export const tools: Record<IntegrationKind, ToolInfo> = {
  intercom: {
    label: 'Intercom',
    secretFrom: 'tool',
    secretHint: 'Your Intercom app’s client secret: Developer Hub → your app → Basic information. Intercom signs every notification with it.',
    usage: 'Tag the conversation closeloop-12, or write a note that says closeloop-12 and what they asked for.',
  },
  zendesk: {
    label: 'Zendesk',
    secretFrom: 'tool',
    secretHint: 'Zendesk makes the signing secret when you create the webhook (Reveal secret). Leave this empty now and paste it with “Replace secret” after step 2.',
    usage: 'Add the tag closeloop-12 to the ticket, or mention closeloop-12 in a comment.',
  },
  freshdesk: {
    label: 'Freshdesk',
    secretFrom: 'closeloop',
    usage: 'Add the tag closeloop-12 to the ticket, or mention closeloop-12 in a public reply or the description.',
  },
  helpscout: {
    label: 'Help Scout',
    secretFrom: 'closeloop',
    usage: 'Tag the conversation closeloop-12, or add a note that says closeloop-12.',
  },
  front: {
    label: 'Front',
    secretFrom: 'tool',
    secretHint: 'Front signs rule webhooks with your company’s API secret: Settings → Developers → API secret.',
    usage: 'Tag the conversation closeloop-12, or comment closeloop-12 on it.',
  },
  generic: {
    label: 'Anything else (signed JSON)',
    secretFrom: 'closeloop',
    usage: 'POST {"card":"closeloop-12","email":"…","quote":"…"} signed per Standard Webhooks.',
  },
}

export const kinds = Object.keys(tools) as IntegrationKind[]

/** The steps to take in the tool, with the values to paste. `secret` is known only right after creating or rotating. */
export function SetupSteps({ kind, url, secret }: { kind: IntegrationKind; url: string; secret?: string }) {
  const urlField = <CopyField label="Webhook URL" value={url} />
  const secretField = secret ? (
    <CopyField label="Secret" value={secret} />
  ) : (
    <p className="muted small">The secret was shown once when it was set. Lost it? Use “Replace secret”.</p>
  )
  const steps: Record<IntegrationKind, ReactNode[]> = {
    intercom: [
      <>In Intercom, open <b>Settings → Integrations → Developer Hub</b>, pick (or create) your app, and open <b>Configure → Webhooks</b>.</>,
      <>Paste this as the <b>Endpoint URL</b>: {urlField}</>,
      <>Subscribe to the topics <code>conversation_part.tag.created</code> (a tag was added) and <code>conversation.admin.noted</code> (a note was written). The app needs the <b>Read conversations</b> and <b>Read one user and one company</b> permissions (Authentication page).</>,
      <>Intercom signs with the app’s <b>client secret</b> (Basic information); that is the secret this integration checks{secret ? <> — the one you entered: {secretField}</> : '.'}</>,
      <>Save, then tag a test conversation <code>closeloop-1</code> and watch the event log below.</>,
    ],
    zendesk: [
      <>In Zendesk <b>Admin Center → Apps and integrations → Webhooks</b>, choose <b>Create webhook</b>, and pick <b>Trigger or automation</b>.</>,
      <>Endpoint URL: {urlField} Request method <b>POST</b>, format <b>JSON</b>, authentication <b>None</b> (the signature proves it is Zendesk).</>,
      <>Create it, open it, choose <b>Reveal secret</b> under Signing secret, and paste that into Closeloop with <b>Replace secret</b> (here, on this integration).{secret ? <> Until then Closeloop checks this one: {secretField}</> : null}</>,
      <>In <b>Objects and rules → Business rules → Triggers</b>, add a trigger: <b>Ticket → Is → Updated</b> and <b>Tags → Contains at least one of</b> your closeloop tags (or <b>Comment text → Contains</b> <code>closeloop-</code>); action <b>Notify by → Active webhook</b> → this webhook, with this JSON body:
        <CopyField label="Zendesk trigger body" value={zendeskBody} multiline /></>,
      <>Save the trigger; tag a test ticket <code>closeloop-1</code>.</>,
    ],
    freshdesk: [
      <>In Freshdesk <b>Admin → Workflows → Automations → Ticket updates</b>, choose <b>New rule</b>: when <b>Tags</b> are updated (or a <b>Note is added</b>), and the ticket’s tags contain <code>closeloop-</code>.</>,
      <>Action <b>Trigger webhook</b>: request type <b>POST</b>, URL {urlField}</>,
      <>Tick <b>Requires authentication</b>: any username, and as <b>Password</b> {secretField}</>,
      <>Encoding <b>JSON</b>, content <b>Advanced</b>, and paste this body:
        <CopyField label="Freshdesk webhook body" value={freshdeskBody} multiline /></>,
      <>Save (rule on); tag a test ticket <code>closeloop-1</code>.</>,
    ],
    helpscout: [
      <>In Help Scout, open <b>Manage → Apps → Webhooks</b> and install it.</>,
      <>Callback URL: {urlField}</>,
      <>Secret key (Help Scout allows up to 40 characters): {secretField}</>,
      <>Events: <b>Conversation → Tags Updated</b> (<code>convo.tags</code>) and <b>Note Created</b> (<code>convo.note.created</code>). Save.</>,
      <>Tag a test conversation <code>closeloop-1</code>.</>,
    ],
    front: [
      <>In Front, open <b>Settings → Company → Rules</b> and add a rule: when <b>a tag is added</b> (or a comment is posted) and the tag or comment contains <code>closeloop-</code>.</>,
      <>Action <b>Send to a webhook</b>, with <b>Send full event data</b>, to {urlField}</>,
      <>Front signs rule webhooks with the company <b>API secret</b> (Settings → Developers); that is the secret this integration checks{secret ? <>: {secretField}</> : '.'}</>,
      <>Save; tag a test conversation <code>closeloop-1</code>.</>,
    ],
    generic: [
      <>POST JSON to {urlField}</>,
      <>Sign it per Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature: v1,…</code>, HMAC-SHA256 with the key after <code>whsec_</code>, base64-decoded): {secretField}</>,
      <>Body: <code>{'{"card":"closeloop-12","email":"jane@example.com","name":"Jane","quote":"…","conversation_url":"https://…","external_id":"…"}'}</code>; timestamps older than 5 minutes are refused.</>,
    ],
  }
  return (
    <ol className="setup-steps">
      {steps[kind].map((s, i) => (
        <li key={i}>{s}</li>
      ))}
    </ol>
  )
}
