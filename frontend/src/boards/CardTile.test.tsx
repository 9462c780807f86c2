import { describe, expect, it } from 'vitest'
import { renderApp, screen } from '../test/harness'
import { makeCard } from '../test/fixtures'
import { CardTile } from './CardTile'

describe('CardTile', () => {
  it('shows #12 on the tile', () => {
    renderApp(<CardTile card={makeCard({ number: 12 })} />)
    expect(screen.getByText('#12')).toBeTruthy()
  })

})
