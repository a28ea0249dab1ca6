import { useEffect, useEffectEvent, useState } from "react";
import { errorCode, errorMessage } from "../lib/errors";

export type Live<T> =
  | { status: "loading" }
  | { status: "ready"; data: T }
  | { status: "error"; code: string | null; message: string };

export type Subscribe<T> = (next: (data: T) => void, onError: (error: unknown) => void) => () => void;

/**
 * Keeps a Firestore listener open while `key` stays the same; a new key closes it and opens
 * another. A null key subscribes to nothing (e.g. before the uid is known).
 */
export function useLive<T>(key: string | null, subscribe: Subscribe<T>): Live<T> {
  const [state, setState] = useState<{ key: string | null; live: Live<T> }>({ key: null, live: { status: "loading" } });
  // The listener follows the key only: a new `subscribe` closure on every render must not reopen it.
  const open = useEffectEvent((current: string) =>
    subscribe(
      (data) => setState({ key: current, live: { status: "ready", data } }),
      (error) => setState({ key: current, live: { status: "error", code: errorCode(error), message: errorMessage(error) } }),
    ),
  );

  useEffect(() => {
    if (key === null) return;
    return open(key);
  }, [key]);

  return state.key === key ? state.live : { status: "loading" };
}
