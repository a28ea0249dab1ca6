import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

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
