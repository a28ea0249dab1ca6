import { ApplyPage } from "../../features/apply/apply-page";
import { useAuth } from "../../features/auth/auth-context";

export function ApplyRoute() {
  const { state } = useAuth();
  return <ApplyPage signedInEmail={state.phase === "signed-in" ? (state.user.email ?? "") : ""} />;
}
