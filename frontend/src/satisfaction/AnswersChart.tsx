import { useId } from 'react'
import { AxisBottom, AxisLeft } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar, LinePath } from '@visx/shape'
import { busiestDay, shortDay, type ChartDay } from './series'
import { useWidth } from './useWidth'

const colours = { yes: '#1f7a4d', no: '#b4540a', share: '#3451d1', grid: '#dfe2e7', axis: '#626b77' }
const margin = { top: 30, right: 16, bottom: 30, left: 44 }
const shareHeight = 96 // the share-of-yes panel
const gap = 48 // between the panels (the answers panel's caption sits in it)
const barsHeight = 120 // the answers-per-day panel

/**
 * Two panels over the same days: above, the share of yes of the answers so far (a line);
 * below, the answers given each day (stacked bars, "not quite" hatched as well as coloured).
 * The SVG is one image named by the page's heading and described by the summary beside it;
 * the same figures are in the table under it.
 */
export function AnswersChart({ days, labelledBy }: { days: ChartDay[]; labelledBy: string }) {
  const [ref, width] = useWidth<HTMLDivElement>(640)
  const id = useId().replace(/:/g, '')
  const innerW = Math.max(120, width - margin.left - margin.right)
  const height = margin.top + shareHeight + gap + barsHeight + margin.bottom

  const x = scaleBand<string>({ domain: days.map((d) => d.day), range: [0, innerW], padding: 0.25 })
  const share = scaleLinear<number>({ domain: [0, 100], range: [shareHeight, 0] })
  const most = Math.max(1, ...days.map((d) => d.yes + d.no))
  const count = scaleLinear<number>({ domain: [0, most], range: [barsHeight, 0], nice: true })
  const countTicks = count.ticks(Math.min(4, most)).filter(Number.isInteger)
  const center = (d: ChartDay) => (x(d.day) ?? 0) + x.bandwidth() / 2
  // A date under every k-th day: about one per 70 px.
  const every = Math.max(1, Math.ceil(days.length / Math.max(2, Math.floor(innerW / 70))))
  const ticks = days.filter((_, i) => (days.length - 1 - i) % every === 0).map((d) => d.day)

  return (
    <div className="chart" ref={ref}>
      <svg width={width} height={height} role="img" aria-labelledby={labelledBy} aria-describedby={`${id}-summary`}>
        <defs>
          <pattern id={`${id}-hatch`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" fill={colours.no} />
            <line x1="0" y1="0" x2="0" y2="4" stroke="#ffffff" strokeWidth="1.4" strokeOpacity="0.55" />
          </pattern>
        </defs>
        <Group left={margin.left} top={margin.top}>
          <text x={-margin.left} y={-16} className="chart-caption" fill={colours.axis}>
            Share of yes so far
          </text>
          {[0, 50, 100].map((v) => (
            <line key={v} x1={0} x2={innerW} y1={share(v)} y2={share(v)} stroke={colours.grid} />
          ))}
          <AxisLeft scale={share} tickValues={[0, 50, 100]} tickFormat={(v) => `${String(v)}%`} hideAxisLine hideTicks
            tickLabelProps={{ fill: colours.axis, fontSize: 11, textAnchor: 'end', dx: -4 }} />
          <LinePath<ChartDay> data={days} x={center} y={(d) => share(d.share ?? 0)} defined={(d) => d.share !== null}
            stroke={colours.share} strokeWidth={2.5} />
          {days.filter((d) => d.yes + d.no > 0).map((d) => (
            <circle key={d.day} cx={center(d)} cy={share(d.share ?? 0)} r={3.5} fill={colours.share}>
              <title>{`${shortDay(d.day)}: ${Math.round(d.share ?? 0)}% yes so far`}</title>
            </circle>
          ))}
        </Group>
        <Group left={margin.left} top={margin.top + shareHeight + gap}>
          <text x={-margin.left} y={-16} className="chart-caption" fill={colours.axis}>
            Answers per day
          </text>
          {countTicks.map((v) => (
            <line key={v} x1={0} x2={innerW} y1={count(v)} y2={count(v)} stroke={colours.grid} />
          ))}
          <AxisLeft scale={count} tickValues={countTicks} tickFormat={(v) => String(v)} hideAxisLine hideTicks
            tickLabelProps={{ fill: colours.axis, fontSize: 11, textAnchor: 'end', dx: -4 }} />
          {days.map((d) => {
            const x0 = x(d.day) ?? 0
            const yesTop = count(d.yes)
            const noTop = count(d.yes + d.no)
            return (
              <g key={d.day}>
                {d.yes > 0 && <Bar x={x0} y={yesTop} width={x.bandwidth()} height={barsHeight - yesTop} fill={colours.yes} />}
                {d.no > 0 && <Bar x={x0} y={noTop} width={x.bandwidth()} height={yesTop - noTop} fill={`url(#${id}-hatch)`} />}
                {d.yes + d.no > 0 && (
                  <rect x={x0} y={noTop} width={x.bandwidth()} height={barsHeight - noTop} fill="transparent">
                    <title>{`${shortDay(d.day)}: ${d.yes} yes, ${d.no} not quite`}</title>
                  </rect>
                )}
              </g>
            )
          })}
          <AxisBottom top={barsHeight} scale={x} tickValues={ticks} tickFormat={shortDay} stroke={colours.axis} tickStroke={colours.axis}
            tickLabelProps={{ fill: colours.axis, fontSize: 11, textAnchor: 'middle' }} />
        </Group>
      </svg>
      <p id={`${id}-summary`} className="sr-only">
        {summary(days)}
      </p>
      <ul className="chart-legend" aria-label="Legend">
        <li><span className="swatch swatch-share" aria-hidden="true" />Share of yes so far</li>
        <li><span className="swatch swatch-yes" aria-hidden="true" />Yes</li>
        <li><span className="swatch swatch-no" aria-hidden="true" />Not quite</li>
      </ul>
    </div>
  )
}

function summary(days: ChartDay[]): string {
  const yes = days.reduce((n, d) => n + d.yes, 0)
  const no = days.reduce((n, d) => n + d.no, 0)
  const from = `From ${shortDay(days[0]!.day)} to ${shortDay(days.at(-1)!.day)}`
  if (yes + no === 0) return `${from}, nobody answered.`
  const top = busiestDay(days)!
  return `${from}: ${yes + no} answers, ${yes} yes and ${no} not quite (${Math.round((100 * yes) / (yes + no))}% yes). ` +
    `The most answers came on ${shortDay(top.day)}: ${top.yes + top.no}.`
}
