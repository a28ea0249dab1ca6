import { DataTable } from "./data-table";
import { formatDay } from "../lib/days";
import { niceMax, scaleY } from "../lib/chart-scale";
import "./svg-chart.css";

export interface ChartPoint {
  day: string;
  value: number;
}

interface Props {
  title: string;
  points: readonly ChartPoint[];
  format: (value: number) => string;
  kind: "bars" | "line";
  testId?: string;
}

const WIDTH = 600;
const HEIGHT = 160;
const LEFT = 56;
const BOTTOM = 22;
const TOP = 8;
const PLOT_W = WIDTH - LEFT - 4;
const PLOT_H = HEIGHT - BOTTOM - TOP;

/** A hand-drawn SVG chart; its summary is the accessible name and a data table sits behind it. */
export function SvgChart({ title, points, format, kind, testId }: Props) {
  const max = Math.max(0, ...points.map((p) => p.value));
  const top = niceMax(max);
  const step = points.length > 0 ? PLOT_W / points.length : PLOT_W;
  const y = (value: number) => TOP + PLOT_H - scaleY(value, top, PLOT_H);
  const x = (i: number) => LEFT + i * step + step / 2;
  const total = points.reduce((sum, p) => sum + p.value, 0);
  const peak = points.reduce<ChartPoint | null>((best, p) => (best === null || p.value > best.value ? p : best), null);
  const first = points[0];
  const last = points.at(-1);
  const summary = `${title}: ${format(total)} in total${peak && peak.value > 0 ? `, highest ${format(peak.value)} on ${formatDay(peak.day)}` : ""}.`;
  // Only 0 and the top are labelled: `top` is a round number, its half may not be a whole one.
  const tickLabels = [0, top];

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart__title">
        {title} <span className="muted">{format(total)}</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="chart__svg">
        <line className="chart__grid chart__grid--mid" x1={LEFT} x2={WIDTH - 4} y1={y(top / 2)} y2={y(top / 2)} />
        {tickLabels.map((tick) => (
          <g key={tick} className="chart__grid">
            <line x1={LEFT} x2={WIDTH - 4} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {kind === "bars"
          ? points.map((p, i) => (
              <rect key={p.day} className="chart__bar" x={LEFT + i * step + step * 0.15} width={Math.max(1, step * 0.7)} y={y(p.value)} height={TOP + PLOT_H - y(p.value)}>
                <title>{`${formatDay(p.day)}: ${format(p.value)}`}</title>
              </rect>
            ))
          : null}
        {kind === "line" && points.length > 0 ? (
          <>
            <polyline className="chart__line" fill="none" points={points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ")} />
            {points.map((p, i) =>
              p.value !== 0 ? (
                <circle key={p.day} className="chart__dot" cx={x(i)} cy={y(p.value)} r={2.5}>
                  <title>{`${formatDay(p.day)}: ${format(p.value)}`}</title>
                </circle>
              ) : null,
            )}
          </>
        ) : null}
        {first && last ? (
          <g className="chart__axis">
            <text x={LEFT} y={HEIGHT - 6} textAnchor="start">
              {formatDay(first.day)}
            </text>
            <text x={WIDTH - 4} y={HEIGHT - 6} textAnchor="end">
              {formatDay(last.day)}
            </text>
          </g>
        ) : null}
      </svg>
      <details className="chart__data">
        <summary>Show data</summary>
        <DataTable label={`${title} by day`} columns={["Day", { label: title, numeric: true }]} compact>
          {points.map((p) => (
            <tr key={p.day}>
              <th scope="row">{formatDay(p.day)}</th>
              <td className="num">{format(p.value)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}
