import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PROJECT_ID = "demo-affiliates";
export const PORTS = { hosting: 5000, functions: 5001, firestore: 8080, auth: 9099 } as const;
export const HOSTING_URL = `http://127.0.0.1:${PORTS.hosting}`;
