import { getApps, initializeApp } from "firebase-admin/app";
import { adminApp } from "./seed/seed";
import { replayEvents, type ReplayOptions } from "../functions/src/webhooks/replay";

// `npm run replay [-- --project <id>] [--id <webhookEvents id>]… [--min-age-seconds 60] [--limit 500]`
// Parses stored webhook events left `received` or `failed` again, from their raw bodies, and applies them. Without --project it works on the
// local emulators; with it, on that Firebase project through Application Default Credentials.

function parseArgs(argv: string[]): ReplayOptions & { project?: string } {
  const out: ReplayOptions & { project?: string } = { minAgeSeconds: 60 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case "--project":
        out.project = value;
        i++;
        break;
      case "--id":
        out.ids = [...(out.ids ?? []), value ?? ""];
        i++;
        break;
      case "--min-age-seconds":
        out.minAgeSeconds = Number(value);
        i++;
        break;
      case "--limit":
        out.limit = Number(value);
        i++;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const { project, ...options } = parseArgs(process.argv.slice(2));
  if (project) {
    if (!getApps().length) initializeApp({ projectId: project });
  } else {
    adminApp();
  }
  const results = await replayEvents(options);
  for (const r of results) console.log(`${r.outcome.padEnd(9)} ${r.id} ${r.eventType ?? ""}${r.detail ? `: ${r.detail}` : ""}`);
  // `failed`: the body still does not parse with this version; it stays failed for a later replay.
  const errors = results.filter((r) => r.outcome === "error" || r.outcome === "failed").length;
  console.log(`${results.length} event(s) looked at, ${errors} error(s).`);
  if (errors > 0) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
