export interface LinkProblem {
  title: string;
  message: string;
}

/** Explains why an email link could not be used; every case offers a fresh link. */
export function linkProblem(code: string | null): LinkProblem {
  switch (code) {
    case "auth/invalid-action-code":
      return { title: "This link has already been used", message: "Each sign-in link works once. If you did not use it, it may have been replaced by a newer one. Ask for a new link." };
    case "auth/expired-action-code":
      return { title: "This link has expired", message: "Sign-in links are only valid for a short time. Ask for a new link." };
    case "auth/invalid-email":
      return { title: "That email does not match this link", message: "Enter the address the link was sent to, or ask for a new link." };
    case "not-a-link":
      return { title: "This is not a sign-in link", message: "Open the link from the most recent sign-in email, or ask for a new one." };
    case "auth/network-request-failed":
      return { title: "No connection", message: "We could not reach the sign-in service. Check your connection and try the link again." };
    default:
      return { title: "We could not sign you in", message: "Something went wrong with this link. Ask for a new one." };
  }
}
