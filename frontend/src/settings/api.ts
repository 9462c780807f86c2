import { api } from '../api/client'
import type { components } from '../api/schema.gen'

type Schemas = components['schemas']

export type Settings = Schemas['Settings']
export type SettingsPatch = Schemas['SettingsPatch']

export const settingsKey = ['settings'] as const
export const getSettings = () => api<Settings>('GET', '/settings')
export const updateSettings = (patch: SettingsPatch) => api<Settings>('PATCH', '/settings', patch)
