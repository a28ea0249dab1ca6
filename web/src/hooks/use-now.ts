import { useEffect, useState } from "react";
import { now } from "../lib/clock";

/** The current time, refreshed every `intervalMs` so "pending" turns "payable" without a reload. */
export function useNow(intervalMs = 60_000): Date {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const id = setInterval(() => setTime(now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return time;
}
