import type { Course } from "../../../contracts/course.js";
import { programSettings, type ProgramSettings } from "../../../contracts/program-settings.js";
import type { Actor } from "../domain/actor.js";
import { auditIn } from "./audit.js";
import { programSettingsDoc } from "./collections.js";
import { db, FieldValue, type Transaction } from "./firestore.js";

/** The program's settings; a missing or partly broken document reads as the defaults. */
export async function readProgramSettings(tx?: Transaction): Promise<ProgramSettings> {
  const ref = programSettingsDoc();
  const snap = tx ? await tx.get(ref) : await ref.get();
  return snap.data() ?? programSettings(undefined);
}

/**
 * Replaces the program settings. Orders snapshot their rate when first credited and keep
 * their payable date, so a new rate or window never rewrites a past commission.
 */
export async function saveProgramSettings(settings: ProgramSettings, owner: Actor): Promise<void> {
  const ref = db().collection("settings").doc("program");
  await db().runTransaction(async (tx) => {
    const before = (await tx.get(ref)).data() ?? null;
    tx.set(ref, { ...settings, updatedAt: FieldValue.serverTimestamp() });
    auditIn(tx, { action: "saveProgramSettings", by: owner, target: { collection: "settings", id: "program" }, before: withoutTimes(before), after: settings });
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
