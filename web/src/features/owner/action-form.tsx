import { ActionMessage } from "./action-message";
import type { ActionState } from "./use-action";

interface Props {
  /** The form's fields (and any local notice), above the submit button. */
  children: React.ReactNode;
  onSubmit: () => Promise<unknown>;
  action: { state: ActionState; busy: boolean };
  submit: { label: string; busyLabel?: string; testId?: string };
  testId?: string;
  messageTestId?: string;
  /** Stand-alone forms are cards; one nested inside a card is not. */
  card?: boolean;
}

/** An owner form that runs one callable on submit and announces its outcome below the button. */
export function ActionForm({ children, onSubmit, action, submit, testId, messageTestId, card = true }: Props) {
  return (
    <form
      className={card ? "card form" : "form"}
      data-testid={testId}
      noValidate
      aria-busy={action.busy}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
      <button type="submit" className="button button--primary" disabled={action.busy} data-testid={submit.testId}>
        {action.busy && submit.busyLabel ? submit.busyLabel : submit.label}
      </button>
      <ActionMessage state={action.state} testId={messageTestId} />
    </form>
  );
}
