import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import { readdirSync } from "node:fs";
import tseslint from "typescript-eslint";

// The portal's layers (README, "Code layout"): app → features → components, hooks, lib, config,
// types; never backwards, never from one feature into another, and the Firebase SDKs only inside
// lib/firebase*.ts and lib/firestore*.ts. What the portal shares with the functions comes from contracts/.
const WEB = "web/src";
const WEB_SHARED = ["components", "hooks", "lib", "config", "types"].map((dir) => `${WEB}/${dir}`);
const WEB_FEATURES = readdirSync(`${import.meta.dirname}/${WEB}/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const webZones = [
  { target: [`${WEB}/features`, ...WEB_SHARED], from: `${WEB}/app`, message: "Only app/ composes pages and routes; pass what a feature needs as props." },
  { target: WEB_SHARED, from: `${WEB}/features`, message: "Shared code serves features, it does not import them; move what both need into components/, hooks/ or lib/." },
  ...WEB_FEATURES.map((name) => ({
    target: `${WEB}/features/${name}`,
    from: `${WEB}/features`,
    except: [`./${name}`],
    message: "Features do not import each other: move what both need into components/, hooks/ or lib/, or compose them in app/.",
  })),
  { target: WEB, from: ["functions", "scripts", "tests"], message: "The portal shares code with the functions only through contracts/." },
  {
    target: [`${WEB}/*.{ts,tsx}`, `${WEB}/!(lib)/**`, `${WEB}/lib/!(firebase*|firestore*)`],
    from: ["node_modules/firebase", "node_modules/@firebase", "web/node_modules/firebase", "web/node_modules/@firebase"],
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
    plugins: { "import-x": importX },
    settings: {
      // Resolves imports the way TypeScript and Vite do, so a zone sees which file an import reaches.
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".mjs", ".js", ".json"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] } })],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: [...webZones] }],
    },
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
