// Who signs in during the browser test. The admin is created by global-setup.ts; the editor
// flow adds the viewer through the Members page.

export interface Person {
  email: string
  name: string
  password: string
}

export const admin: Person = { email: 'ada@example.com', name: 'Ada Admin', password: 'correct horse battery' }
export const viewer: Person = { email: 'vic@example.com', name: 'Vic Viewer', password: 'viewer password 1' }
