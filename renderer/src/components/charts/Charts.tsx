// The only module that imports recharts (lint gate). Fixed sizes (no ResponsiveContainer) so
// charts render in tests and print at a known size; animation off so screenshots are stable.
import type { ReactNode } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts'

/** Colour-blind-safe palette (Okabe–Ito), one per outlet; lines also differ by dash pattern. */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C6D31', '#6B4C9A', '#7F7F7F', '#B5446E', '#3B7A57']
const DASHES = ['', '6 3', '2 2', '8 3 2 3', '1 3', '10 4', '4 4', '3 6', '12 2']

export interface SeriesDef {
  readonly key: string
  readonly label: string
  readonly color?: string
}

const axis = { stroke: 'currentColor', tick: { fill: 'currentColor', fontSize: '0.8125rem' } }

export function GroupedBars(props: {
  readonly data: readonly Record<string, string | number>[]
  readonly category: string
  readonly series: readonly SeriesDef[]
  readonly width: number
  readonly height: number
  readonly yLabel: string
  readonly stacked?: boolean
}): ReactNode {
  return (
    <BarChart width={props.width} height={props.height} data={[...props.data]} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
      <XAxis dataKey={props.category} {...axis} interval={0} angle={-20} textAnchor="end" height={64} tickFormatter={(v: string) => (v.length > 18 ? `${v.slice(0, 17)}…` : v)} />
      <YAxis {...axis} label={{ value: props.yLabel, angle: -90, position: 'insideLeft', fill: 'currentColor', fontSize: '0.8125rem' }} />
      <Tooltip isAnimationActive={false} contentStyle={{ background: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--border)' }} />
      <Legend wrapperStyle={{ fontSize: '0.8125rem' }} />
      {props.series.map((s, i) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          fill={s.color ?? SERIES_COLORS[i % SERIES_COLORS.length]}
          stroke="var(--panel)"
          isAnimationActive={false}
          {...(props.stacked ? { stackId: 'a' } : {})}
        />
      ))}
    </BarChart>
  )
}

export function Lines(props: {
  readonly data: readonly Record<string, number | null>[]
  readonly x: string
  readonly series: readonly SeriesDef[]
  readonly width: number
  readonly height: number
  readonly xLabel: string
  readonly yLabel: string
}): ReactNode {
  return (
    <LineChart width={props.width} height={props.height} data={[...props.data]} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
      <XAxis dataKey={props.x} type="number" domain={[0, 100]} {...axis} label={{ value: props.xLabel, position: 'insideBottom', offset: -10, fill: 'currentColor', fontSize: '0.8125rem' }} />
      <YAxis {...axis} label={{ value: props.yLabel, angle: -90, position: 'insideLeft', fill: 'currentColor', fontSize: '0.8125rem' }} />
      <Tooltip isAnimationActive={false} contentStyle={{ background: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--border)' }} />
      <Legend verticalAlign="top" wrapperStyle={{ fontSize: '0.8125rem' }} />
      {props.series.map((s, i) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
          strokeDasharray={DASHES[i % DASHES.length]}
          strokeWidth={2.5}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  )
}

export function AlignmentMap(props: {
  readonly series: readonly { readonly label: string; readonly points: readonly { readonly x: number; readonly y: number; readonly z: number }[] }[]
  readonly width: number
  readonly height: number
}): ReactNode {
  const shapes = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye', 'circle', 'square'] as const
  return (
    <ScatterChart width={props.width} height={props.height} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
      <XAxis dataKey="x" type="number" domain={[0, 100]} name="position in base" unit="%" {...axis} label={{ value: 'position in the base article (%)', position: 'insideBottom', offset: -10, fill: 'currentColor', fontSize: '0.8125rem' }} />
      <YAxis dataKey="y" type="number" domain={[0, 100]} name="position in outlet" unit="%" {...axis} label={{ value: 'position in outlet (%)', angle: -90, position: 'insideLeft', fill: 'currentColor', fontSize: '0.8125rem' }} />
      <ZAxis dataKey="z" range={[30, 160]} name="link score" />
      <Tooltip isAnimationActive={false} contentStyle={{ background: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--border)' }} />
      <Legend verticalAlign="top" wrapperStyle={{ fontSize: '0.8125rem' }} />
      {props.series.map((s, i) => (
        <Scatter key={s.label} name={s.label} data={[...s.points]} fill={SERIES_COLORS[(i + 1) % SERIES_COLORS.length]} shape={shapes[i % shapes.length]} isAnimationActive={false} />
      ))}
    </ScatterChart>
  )
}
