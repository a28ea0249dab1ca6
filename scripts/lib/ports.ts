import { createConnection } from "node:net";
import { PORTS } from "./paths";

// Every port the emulators listen on: the four in firebase.json, the hub and the logging emulator
// (firebase.json too), and firebase-tools' own defaults for the Firestore UI websocket and the
// Eventarc and Cloud Tasks emulators it starts beside Functions.
export const EMULATOR_PORTS = [...Object.values(PORTS), 4400, 4500, 9150, 9299, 9499] as const;

export function portInUse(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function portsInUse(ports: readonly number[] = EMULATOR_PORTS): Promise<number[]> {
  const used = await Promise.all(ports.map(async (port) => ((await portInUse(port)) ? port : null)));
  return used.filter((port): port is number => port !== null);
}
