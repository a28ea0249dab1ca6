import type { Course } from "../../../contracts/course.js";
import { programSettings, type ProgramSettings } from "../../../contracts/program-settings.js";
import type { Actor } from "../domain/actor.js";
import { auditIn } from "./audit.js";
import { programSettingsDoc } from "./collections.js";
import { db, FieldValue, type Transaction } from "./firestore.js";

// `settings/program` holds the terms active affiliates read; what only the owner may see (who else
// gets sale emails) lives in `settings/owner`, which only the owner reads.
const ownerSettingsRef = () => db().collection("settings").doc("owner");

/** The program's settings; a missing or partly broken document reads as the defaults. */
export async function readProgramSettings(tx?: Transaction): Promise<ProgramSettings> {
  const refs = [programSettingsDoc(), ownerSettingsRef()] as const;
  const [program, owner] = tx ? await Promise.all([tx.get(refs[0]), tx.get(refs[1])]) : await Promise.all([refs[0].get(), refs[1].get()]);
  const settings = program.data() ?? programSettings(undefined);
  // A program document from before the split still holds notifyEmails until the owner saves again.
  const notifyEmails: unknown = owner.get("notifyEmails");
  return owner.exists ? programSettings({ ...settings, notifyEmails }) : settings;
}

/**
 * Replaces the program settings. Orders snapshot their rate when first credited and keep
 * their payable date, so a new rate or window never rewrites a past commission.
 */
export async function saveProgramSettings(settings: ProgramSettings, owner: Actor): Promise<void> {
  const ref = db().collection("settings").doc("program");
  await db().runTransaction(async (tx) => {
    const before = await readProgramSettings(tx);
    const { notifyEmails, ...terms } = settings;
    tx.set(ref, { ...terms, updatedAt: FieldValue.serverTimestamp() });
    tx.set(ownerSettingsRef(), { notifyEmails, updatedAt: FieldValue.serverTimestamp() });
    auditIn(tx, { action: "saveProgramSettings", by: owner, target: { collection: "settings", id: "program" }, before, after: settings });
  });
}

export async function saveCourse(course: Course, owner: Actor): Promise<void> {
  const { id, ...fields } = course;
  const ref = db().collection("courses").doc(id);
  await db().runTransaction(async (tx) => {
    const before = (await tx.get(ref)).data() ?? null;
    tx.set(ref, { ...fields, updatedAt: FieldValue.serverTimestamp() });
    auditIn(tx, { action: "saveCourse", by: owner, target: { collection: "courses", id }, before: withoutTimes(before), after: fields });
  });
}

function withoutTimes(data: Record<string, unknown> | null): Record<string, unknown> | null {
  if (data === null) return null;
  const { updatedAt: _ignored, ...rest } = data;
  return rest;
}
