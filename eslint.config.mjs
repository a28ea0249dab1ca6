import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import { readdirSync } from "node:fs";
import tseslint from "typescript-eslint";

// Import boundaries (README, "Code layout"): one `no-restricted-paths` rule holds every zone, so a
// wrong-way import fails `npm run lint` (scripts/lib/lint-zones.test.ts shows one per zone). Paths are
// globs from the repository root (a zone's `from` must be all globs); imports are resolved to files (`./x.js` → `x.ts`, packages to
// node_modules) before they are matched, so `from` may name packages by their folder.
const FIREBASE_SDKS = ["**/node_modules/firebase-admin/**", "**/node_modules/firebase-functions/**", "**/node_modules/@google-cloud/firestore/**"];
const FUNCTIONS_GLUE = [
  "functions/src/store/**",
  "functions/src/triggers/**",
  "functions/src/callables/**",
  "functions/src/config/**",
  "functions/src/**/endpoint.ts",
  "functions/src/webhooks/http/**",
];
// Pure domain modules: folders that are pure throughout, and the pure files of folders that also
// hold their endpoint or callable (named endpoint.ts, lookups.ts, apply.ts, request-payout.ts, session.ts, …).
const PURE_FUNCTIONS = [
  "functions/src/{money,orders,ledger,emails,payouts,domain,commissions,courses}/**",
  "functions/src/webhooks/!(http)/!(endpoint).ts",
  "functions/src/webhooks/!(replay).ts",
  "functions/src/clicks/!(endpoint|endpoint.test|lookups).ts",
  "functions/src/affiliates/!(apply|request-payout).ts",
  "functions/src/auth/{session-decision,sign-in-policy}.ts",
  "functions/src/owner/{access,clock}.ts",
  "functions/src/reconcile/{records,paddle-records,lemonsqueezy-records,plan,http}.ts",
];
const zones = [
  {
    target: PURE_FUNCTIONS,
    from: [...FIREBASE_SDKS, ...FUNCTIONS_GLUE],
    message: "Pure domain modules import neither the Firestore glue (store/, triggers, endpoints, callables) nor a Firebase SDK.",
  },
  {
    target: ["contracts/**"],
    from: ["functions/**", "web/**", "scripts/**", "tests/**", "**/node_modules/firebase*/**", "**/node_modules/@firebase/**", "**/node_modules/@google-cloud/**"],
    message: "contracts/ is shared by the functions and the portal: pure TypeScript (and zod), importing nothing of either side.",
  },
  {
    target: ["functions/src/store/**"],
    from: [
      "functions/src/{owner,triggers,auth,callables}/**",
      "functions/src/**/endpoint.ts",
      "functions/src/webhooks/{http/**,replay.ts}",
      "functions/src/{clicks/lookups,affiliates/apply,affiliates/request-payout}.ts",
      // v7 resolves `import` to lib/esm/: logger is the one module store/ may use, in either build.
      "**/node_modules/firebase-functions/lib/!(logger|esm)/**",
      "**/node_modules/firebase-functions/lib/esm/!(logger)/**",
    ],
    message: "store/ serves the endpoints, triggers and callables, never the reverse, and speaks in domain errors (domain/errors.ts), not in HttpsError.",
  },
  {
    target: ["functions/src/!(store)/**", "functions/src/*.ts"],
    from: ["**/node_modules/firebase-admin/**", "**/node_modules/@google-cloud/firestore/**", "functions/src/store/{firestore,collections}.ts"],
    message: "Only store/ talks to Firestore and the Admin SDK; call a store function instead.",
  },
  {
    target: ["scripts/**", "tests/**"],
    from: ["functions/src/store/**"],
    message: "Scripts and tests use public entry points (pure modules, contracts/, exported handlers), not store/ internals.",
  },
  {
    target: ["functions/src/**/!(*.test).ts"],
    from: ["scripts/**", "tests/**"],
    message: "Deployed code never imports test or script helpers.",
  },
];

// The portal: app → features → components, hooks, lib, config, types; never backwards, never from one
// feature into another (a zone per folder in web/src/features, so a new feature is covered at once),
// nothing from functions/, scripts/ or tests/ (shared code is in contracts/), and the Firebase SDKs
// only inside lib/firebase*.ts and lib/firestore*.ts.
const WEB_SHARED = "web/src/{components,hooks,lib,config,types}/**";
const WEB_FEATURES = readdirSync(`${import.meta.dirname}/web/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const webZones = [
  { target: ["web/src/features/**", WEB_SHARED], from: ["web/src/app/**"], message: "Only app/ composes pages and routes; pass what a feature needs as props." },
  { target: [WEB_SHARED], from: ["web/src/features/**"], message: "Shared code serves features, it does not import them; move what both need into components/, hooks/ or lib/." },
  ...WEB_FEATURES.map((name) => ({
    target: [`web/src/features/${name}/**`],
    from: [`web/src/features/!(${name})/**`],
    message: "Features do not import each other: move what both need into components/, hooks/ or lib/, or compose them in app/.",
  })),
  { target: ["web/src/**"], from: ["functions/**", "scripts/**", "tests/**"], message: "The portal shares code with the functions only through contracts/." },
  {
    target: ["web/src/*.{ts,tsx}", "web/src/!(lib)/**", "web/src/lib/!(firebase*|firestore*)"],
    from: ["**/node_modules/firebase/**", "**/node_modules/@firebase/**"],
    message: "Only lib/firebase*.ts and lib/firestore*.ts talk to the Firebase SDKs.",
  },
];

// One flat config for the whole repository. Type-aware rules catch what strict TypeScript does not:
// promises nobody awaits, and `any` sneaking in.
export default tseslint.config(
  { ignores: ["**/node_modules/**", "functions/lib/**", "web/dist/**", ".cache/**", "web/tracking/track.js", "**/*.log"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/only-throw-error": "error",
      "no-console": "off",
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] } })],
    },
    rules: { "import-x/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: [...zones, ...webZones] }] },
  },
  {
    // The portal's components and hooks: the rules of hooks and the React Compiler's checks.
    files: ["web/src/**/*.ts", "web/src/**/*.tsx"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Test doubles implement async interfaces without awaiting; expect.stringMatching is typed `any`.
    files: ["**/*.test.ts", "**/*.test.tsx", "tests/**/*.ts"],
    rules: {
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
