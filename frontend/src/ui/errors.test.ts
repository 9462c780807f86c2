import { describe, expect, it } from 'vitest'
import { ApiError, toApiError } from '../api/client'
import { describe as describeError, formErrors } from './errors'

describe('toApiError', () => {
  it('reads the API error body', () => {
    const e = toApiError(422, { error: { code: 'validation_failed', message: 'check the fields', fields: { email: 'is not a valid address' } } })
    expect([e.status, e.code, e.message, e.fields]).toEqual([422, 'validation_failed', 'check the fields', { email: 'is not a valid address' }])
  })
  it('words a bare status when the body is not the API shape', () => {
    const e = toApiError(403, '<html>')
    expect([e.code, e.message, e.fields]).toEqual(['http_403', 'Your role does not allow this.', {}])
  })
})

describe('formErrors', () => {
  const inputs = ['email', 'conversation_url', 'labels']
  const cases: { name: string; err: unknown; want: ReturnType<typeof formErrors> }[] = [
    { name: 'no error', err: null, want: { fields: {}, form: null } },
    {
      name: 'fields of the form go next to their inputs',
      err: new ApiError(422, 'validation_failed', 'invalid', { email: 'is not a valid address', conversation_url: 'is not a URL' }),
      want: { fields: { email: 'is not a valid address', conversation_url: 'is not a URL' }, form: null },
    },
    {
      name: 'indexed keys land on their input',
      err: new ApiError(422, 'validation_failed', 'invalid', { 'labels[2]': 'is too long' }),
      want: { fields: { labels: 'is too long' }, form: null },
    },
    {
      name: 'fields the form lacks become the form message',
      err: new ApiError(422, 'validation_failed', 'invalid', { email: 'is taken', source_id: 'is unknown' }),
      want: { fields: { email: 'is taken' }, form: 'Source id is unknown' },
    },
    {
      name: 'no fields: the message',
      err: new ApiError(409, 'conflict', 'the column still holds cards'),
      want: { fields: {}, form: 'the column still holds cards' },
    },
    {
      name: 'forbidden is explained',
      err: new ApiError(403, 'forbidden', 'forbidden'),
      want: { fields: {}, form: 'Your role does not allow this. Ask an admin if you need it.' },
    },
    { name: 'plain errors', err: new Error('boom'), want: { fields: {}, form: 'boom' } },
  ]
  for (const c of cases) {
    it(c.name, () => {
      expect(formErrors(c.err, inputs)).toEqual(c.want)
    })
  }
  it('tells a stale write what happened', () => {
    expect(describeError(new ApiError(412, 'precondition_failed', 'stale'))).toMatch(/changed this card/)
  })
})
