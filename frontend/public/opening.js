// Opening a board's address asks for the board and then each column's first page at once,
// while the app's script is still on its way and being run: a plain script, loaded beside that
// script (async), so nothing waits for the app's modules. The app takes these answers
// (src/app/opening.ts), once each; a failed one it asks for again itself. Only the board's
// unfiltered first pages are asked here: the URL is the one src/api/endpoints.ts builds for the
// default filter (src/app/earlyOpening.test.ts keeps the two in step).
;(function () {
  var m = /^\/boards\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\/?$/.exec(location.pathname)
  if (!m || /[?&](q|kind|label|owner|sort)=/.test(location.search)) return
  var id = m[1].toLowerCase()
  var get = function (path) {
    return fetch('/api/v1' + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status))
      return r.json()
    })
  }
  var board = get('/boards/' + id)
  var pages = board.then(function (b) {
    var out = {}
    b.columns.forEach(function (c) {
      out[c.id] = get('/boards/' + id + '/cards?column_id=' + encodeURIComponent(c.id) + '&sort=position&limit=40')
      out[c.id].catch(function () {})
    })
    return out
  })
  board.catch(function () {})
  pages.catch(function () {})
  window.__closeloopOpening = { boardId: id, board: board, pages: pages }
})()
