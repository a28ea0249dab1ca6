import { StrictMode } from "react";
import { AuthProvider } from "../features/auth/auth-context";

export function AppProvider({ children }: { children: React.ReactNode }) {
  return (
    <StrictMode>
      <AuthProvider>{children}</AuthProvider>
    </StrictMode>
  );
}
