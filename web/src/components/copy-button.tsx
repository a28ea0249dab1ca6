import { useEffect, useState } from "react";
import { copyText } from "../lib/clipboard";
import "./copy-button.css";

interface Props {
  text: string;
  /** What is copied, for screen readers: "Copy tracked link for TypeScript 101". */
  label: string;
}

export function CopyButton({ text, label }: Props) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const id = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(id);
  }, [state]);

  return (
    <span className="copy">
      <button type="button" className="button button--small" aria-label={label} onClick={async () => setState((await copyText(text)) ? "copied" : "failed")}>
        Copy
      </button>
      <span className="copy__status" role="status">
        {state === "copied" ? "Copied" : state === "failed" ? "Select the text and press Ctrl+C" : ""}
      </span>
    </span>
  );
}
