import { isSeeded, seedProgram } from "../../scripts/seed/seed";

/**
 * The emulator suites run against the demo program `npm start` seeds (settings, the three courses,
 * the demo people); orders and clicks they make themselves. Seeding is skipped when a developer's
 * running emulators already hold it.
 */
export default async function setup(): Promise<void> {
  if (!(await isSeeded())) await seedProgram();
}
