// Members (issue 13): an admin invites a teammate on the Members page; the teammate opens the
// link in the email, sets a password and is signed in; "Forgot password?" emails a reset link
// whose new password signs in and signs the other browsers out; the profile page changes the
// password. Screenshots of the invitation email and the profile page, desktop and phone.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { linkAfter, mimePart, plainText, rawEmailTo } from './mail'
import { admin, type Person } from './people'
import { apiAs, signIn } from './session'
import { shoot } from './shots'

const nia: Person = { email: 'nia@example.com', name: 'Nia Okafor', password: 'nia chose this one' }
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

/** A browser of its own: nobody is signed in there. */
async function ownBrowser(browser: Browser, opts: Record<string, unknown> = { viewport: { width: 1280, height: 800 } }): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: process.env.E2E_BASE, ...opts })
  return ctx.newPage()
}

/** Shows an email as a mail client would (From, To and Subject above its HTML part), and screenshots it. */
async function shootEmail(page: Page, raw: string, name: string) {
  const header = (h: string) => new RegExp(`^${h}: (.*)$`, 'im').exec(raw)?.[1]?.trim() ?? ''
  await page.setContent(mimePart(raw, 'text/html'), { waitUntil: 'load' })
  await page.evaluate((lines) => {
    const bar = document.createElement('div')
    bar.style.cssText = 'font:14px/1.5 Helvetica,Arial,sans-serif;padding:12px 16px;border-bottom:1px solid #d0d7de;background:#fff;color:#1f2328'
    for (const [k, v] of lines) {
      const row = document.createElement('div')
      row.textContent = `${k}: ${v}`
      bar.appendChild(row)
    }
    document.body.prepend(bar)
  }, [['From', header('From')], ['To', header('To')], ['Subject', header('Subject')]])
  await page.screenshot({ path: new URL(`../../docs/screenshots/${name}`, import.meta.url).pathname, fullPage: true })
}

test('an invited teammate sets a password from the email and is signed in; forgot password; change it on the profile', async ({ page, browser }) => {
  const api = await apiAs(page, admin)
  await api.patch('/settings', { product_name: 'Acme Notes' })
  let inviteRaw = ''
  let inviteLink = ''

  await test.step('the admin invites Nia on the Members page: no password to invent', async () => {
    await page.goto('/admin')
    const form = page.locator('form', { hasText: 'Invite a member' })
    await form.getByLabel('Name').fill(nia.name)
    await form.getByLabel('Email', { exact: true }).fill(nia.email)
    await form.getByLabel('Role').selectOption('editor')
    await expect(form.getByLabel('Password', { exact: true })).toHaveCount(0)
    await form.getByRole('button', { name: 'Send invitation' }).click()
    await page.getByText(`We emailed ${nia.email} a link`).first().waitFor()
    const row = page.getByRole('row', { name: new RegExp(nia.name) })
    await expect(row.getByTestId('invite-status')).toContainText('Invited')
    await expect(row.getByRole('button', { name: `Resend invite to ${nia.name}` })).toBeVisible()
  })

  await test.step('the invitation arrives from the team, with a set-password link', async () => {
    const raw = await rawEmailTo(nia.email, /invited you to join/)
    const text = plainText(raw)
    expect(text).toContain('Ada Admin invited you to join the Acme Notes team')
    expect(text).toContain(`You will sign in with ${nia.email}.`)
    expect(raw, 'the email never names the software').not.toMatch(/closeloop/i)
    inviteLink = linkAfter(text, 'Set your password')
    expect(inviteLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/)
    inviteRaw = raw
    await shootEmail(await ownBrowser(browser), raw, 'invite-email-1280.png')
  })

  const niaPage = await ownBrowser(browser)
  await test.step('Nia opens the link in her browser, sets a password and is signed in', async () => {
    await niaPage.goto(inviteLink)
    await niaPage.getByRole('heading', { name: `Welcome, ${nia.name}` }).waitFor()
    await expect(niaPage.getByTestId('link-email')).toHaveText(nia.email)
    await niaPage.getByLabel('Password').fill('too short')
    await niaPage.getByRole('button', { name: 'Set password and sign in' }).click()
    await expect(niaPage.getByRole('alert')).toContainText('at least 10 characters')
    await niaPage.getByLabel('Password').fill(nia.password)
    await niaPage.getByRole('button', { name: 'Set password and sign in' }).click()
    await expect(niaPage.getByTestId('role')).toHaveText('editor')
    await expect(niaPage.getByRole('link', { name: 'Boards' })).toBeVisible()
    await expect(niaPage.locator('.whoami-name')).toHaveText(nia.name)
  })

  await test.step('the link works once; the admin now sees Nia as a member', async () => {
    const again = await ownBrowser(browser)
    await again.goto(inviteLink)
    await again.getByRole('heading', { name: 'This link was already used' }).waitFor()
    await page.reload()
    const row = page.getByRole('row', { name: new RegExp(nia.name) })
    await row.waitFor()
    await expect(row.getByTestId('invite-status')).toHaveCount(0)
    await expect(row.getByRole('button', { name: /Resend invite/ })).toHaveCount(0)
  })

  const newPassword = 'a brand new passphrase'
  await test.step('Nia forgets her password: the reset link signs her in with a new one, and out elsewhere', async () => {
    const other = await ownBrowser(browser)
    await other.goto('/')
    await other.getByRole('link', { name: 'Forgot password?' }).click()
    await other.getByLabel('Email').fill(nia.email)
    await other.getByRole('button', { name: 'Email me a link' }).click()
    await other.getByText('Check your inbox.').waitFor()
    const text = plainText(await rawEmailTo(nia.email, /Choose a new password/))
    expect(text).not.toMatch(/closeloop/i)
    await other.goto(linkAfter(text, 'Choose a new password'))
    await other.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await other.getByLabel('New password').fill(newPassword)
    await other.getByRole('button', { name: 'Save password and sign in' }).click()
    await expect(other.getByTestId('role')).toHaveText('editor')
    // Her first browser's session ended with the new password.
    await niaPage.reload()
    await niaPage.getByRole('button', { name: 'Sign in' }).waitFor()
    await signIn(niaPage, { ...nia, password: newPassword })
  })

  const finalPassword = 'the third and final one'
  await test.step('Nia changes her password on her profile page', async () => {
    await niaPage.locator('.whoami-name').click()
    await niaPage.getByRole('heading', { name: 'Your profile' }).waitFor()
    await expect(niaPage.getByTestId('profile-email')).toHaveText(nia.email)
    await expect(niaPage.getByLabel('Name')).toHaveValue(nia.name)
    await shoot(niaPage, 'profile-1280.png', { fullPage: true })
    await niaPage.getByLabel('Current password').fill('not my password')
    await niaPage.getByLabel('New password').fill(finalPassword)
    await niaPage.getByRole('button', { name: 'Change password' }).click()
    await expect(niaPage.getByText('is not your current password')).toBeVisible()
    await niaPage.getByLabel('Current password').fill(newPassword)
    await niaPage.getByRole('button', { name: 'Change password' }).click()
    await niaPage.getByText('Password changed.').first().waitFor()
    await niaPage.getByRole('button', { name: 'Sign out' }).click()
    await signIn(niaPage, { ...nia, password: finalPassword })
  })

  await test.step('on a phone: the profile page and the invitation email', async () => {
    const p = await ownBrowser(browser, phone)
    await apiAs(p, { ...nia, password: finalPassword })
    await p.goto('/profile')
    await p.getByRole('heading', { name: 'Your profile' }).waitFor()
    await expect(p.locator('.whoami-name')).toBeVisible()
    expect(await p.evaluate(() => document.documentElement.scrollWidth), 'page width').toBeLessThanOrEqual(390)
    await p.screenshot({ path: new URL('../../docs/screenshots/profile-390.png', import.meta.url).pathname, fullPage: true })
    await shootEmail(p, inviteRaw, 'invite-email-390.png')
  })
})
