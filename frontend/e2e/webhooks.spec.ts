// Issue 11 acceptance, outbound: an admin adds two webhooks in the UI; a receiver that answers
// 500 three times then 200 gets the event once as succeeded (same webhook-id, signature checked
// here with the secret the page showed once), and one that never answers ends failed after the
// schedule (CLOSELOOP_WEBHOOK_RETRY=1s,1s,1s, 10 s per attempt). The page shows both.
import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { admin } from './people'
import { apiAs } from './session'
import { shoot } from './shots'

interface Got {
  headers: IncomingHttpHeaders
  body: string
}

/** A receiver answering the statuses in turn (the last from then on); 0 never answers. */
async function receiver(statuses: number[]): Promise<{ url: string; got: Got[]; server: Server }> {
  const got: Got[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      got.push({ headers: req.headers, body })
      const status = statuses[Math.min(got.length, statuses.length) - 1]!
      if (status === 0) return // never answers; Closeloop gives up after 10 s
      res.writeHead(status).end('answer ' + status)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got, server }
}

function verify(g: Got, secret: string) {
  const id = g.headers['webhook-id'] as string
  const ts = g.headers['webhook-timestamp'] as string
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  const want = 'v1,' + createHmac('sha256', key).update(`${id}.${ts}.${g.body}`).digest('base64')
  expect((g.headers['webhook-signature'] as string).split(' ')).toContain(want)
}

async function addWebhook(page: Page, url: string, description: string): Promise<string> {
  const form = page.locator('form', { hasText: 'Add a webhook' })
  await form.getByLabel('URL').fill(url)
  await form.getByLabel('Description').fill(description)
  await form.getByRole('checkbox', { name: /A card ships/ }).uncheck()
  await form.getByRole('checkbox', { name: /A card is added/ }).check()
  await form.getByRole('button', { name: 'Add webhook' }).click()
  await expect(page.getByText('It is shown only once')).toBeVisible()
  return (await page.locator('.copy-field', { hasText: 'Signing secret' }).locator('.copy-value').textContent())!.trim()
}

test('webhooks made in the UI: retried until delivered once, or failed after the schedule', async ({ page }) => {
  test.setTimeout(150_000)
  const flaky = await receiver([500, 500, 500, 200])
  const dead = await receiver([0])
  try {
    const api = await apiAs(page, admin) // the page opens signed in
    await page.goto('/webhooks')
    const secret = await addWebhook(page, flaky.url, 'Flaky receiver')
    await page.goto('/webhooks')
    await addWebhook(page, dead.url, 'Dead receiver')
    await expectNoAxeViolations(page, 'the webhooks page')

    await api.board('Outbound board', ['Post to Slack'])

    await page.getByRole('button', { name: /Flaky receiver/ }).click()
    const log = page.getByTestId('delivery-log')
    await expect(log.locator('tr[data-status="succeeded"]')).toBeVisible({ timeout: 30_000 })
    await expect(log.locator('tr[data-status="succeeded"] td').nth(2)).toHaveText('4')
    expect(flaky.got).toHaveLength(4)
    for (const g of flaky.got) {
      verify(g, secret)
      expect(g.headers['webhook-id']).toBe(flaky.got[0]!.headers['webhook-id'])
    }
    expect(JSON.parse(flaky.got[0]!.body)).toMatchObject({ type: 'card.created', data: { card: { title: 'Post to Slack' } } })
    await shoot(page, 'webhooks-1280.png', { fullPage: true })

    await page.getByRole('button', { name: /Dead receiver/ }).click()
    await expect(log.locator('tr[data-status="failed"]')).toBeVisible({ timeout: 90_000 })
    await expect(log.getByText('No answer')).toBeVisible()
    expect(dead.got).toHaveLength(4)
  } finally {
    flaky.server.closeAllConnections()
    dead.server.closeAllConnections()
    flaky.server.close()
    dead.server.close()
  }
})
