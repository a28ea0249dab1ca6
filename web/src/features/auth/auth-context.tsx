import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { errorMessage } from "../../lib/errors";
import { hasOwnerClaim, refreshIdToken, signOutUser, watchAuth, type AuthUser } from "../../lib/firebase";
import { call } from "../../lib/firebase-callables";
import { resolveAccess, type Access } from "./resolve-access";

export type AuthState =
  | { phase: "loading" }
  | { phase: "signed-out" }
  | { phase: "signed-in"; user: AuthUser; access: Access }
  | { phase: "error"; user: AuthUser; message: string };

interface AuthContextValue {
  state: AuthState;
  /** Asks the server again, e.g. after the owner has approved a pending application. */
  refresh: () => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

function accessFor(user: AuthUser): Promise<Access> {
  return resolveAccess({
    callSession: () => call("session", null),
    refreshIdToken,
    hasOwnerClaim,
    // Firestore is loaded only on this fallback path, keeping it out of the sign-in bundle.
    readAffiliateStatus: async () => (await import("../../lib/firestore-affiliate")).readAffiliateStatus(user.uid),
  });
}

export function AuthProvider({ children }: { children: React.ReactNode }) {
  const [user, setUser] = useState<AuthUser | null | undefined>(undefined);
  const [state, setState] = useState<AuthState>({ phase: "loading" });
  const generation = useRef(0);

  const resolve = useCallback((next: AuthUser | null) => {
    // A later sign-in/out must win over a slow session call for an earlier one.
    const current = ++generation.current;
    if (next === null) {
      setState({ phase: "signed-out" });
      return;
    }
    setState({ phase: "loading" });
    accessFor(next).then(
      (access) => {
        if (generation.current === current) setState({ phase: "signed-in", user: next, access });
      },
      (error: unknown) => {
        if (generation.current === current) setState({ phase: "error", user: next, message: errorMessage(error) });
      },
    );
  }, []);

  useEffect(
    () =>
      watchAuth((next) => {
        setUser(next);
        resolve(next);
      }),
    [resolve],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      refresh: () => {
        if (user) resolve(user);
      },
      signOut: () => signOutUser(),
    }),
    [state, user, resolve],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}

/** The signed-in user; only for components rendered behind a guard that ensures one. */
export function useSignedInUser(): AuthUser & { access: Access } {
  const { state } = useAuth();
  if (state.phase !== "signed-in") throw new Error("useSignedInUser needs a signed-in user");
  return { ...state.user, access: state.access };
}
