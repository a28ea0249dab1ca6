import { getFirestore } from "firebase-admin/firestore";
import { adminApp } from "./seed/seed";

// `npm run outbox [N]`: the latest queued emails, as the Trigger Email extension would send them.
async function main(): Promise<void> {
  const limit = Number(process.argv[2] ?? 10);
  const snap = await getFirestore(adminApp()).collection("mail").orderBy("createdAt", "desc").limit(limit).get();
  if (snap.empty) console.log("No emails queued yet.");
  for (const doc of snap.docs) {
    const data = doc.data() as { to: string[]; message: { subject: string; text: string }; delivery?: { state?: string } };
    console.log(`── ${doc.id}  [${data.delivery?.state ?? "queued"}]`);
    console.log(`To: ${data.to.join(", ")}\nSubject: ${data.message.subject}\n\n${data.message.text}\n`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
