import { EnvError, parseEnv, type Env } from "./parse-env";

function load(): Env {
  try {
    return parseEnv(import.meta.env);
  } catch (error) {
    // Nothing else can render without configuration, so say what is wrong on the page itself.
    if (error instanceof EnvError && typeof document !== "undefined") {
      const pre = document.createElement("pre");
      pre.className = "fatal";
      pre.setAttribute("role", "alert");
      pre.textContent = error.message;
      document.body.replaceChildren(pre);
    }
    throw error;
  }
}

/** Validated once at start-up; a misconfigured build fails loudly instead of half-working. */
export const env: Env = load();
