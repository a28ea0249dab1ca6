import { buildTrackingScript } from "../../web/tracking/build";

type Rows = Array<[string, string]>;

/** The course-site script's size beside the smallest serious competitors (competitors.md §2). */
export async function benchTrackingScript(): Promise<Rows> {
  const { raw, gzip, brotli } = await buildTrackingScript();
  return [
    ["Tracking script /t.js: raw / gzip / brotli", `${raw} B / ${gzip} B / ${brotli} B`],
    ["  for comparison: Dub base.js gzip / Reflio gzip", "1,738 B / ~3,400 B"],
  ];
}
