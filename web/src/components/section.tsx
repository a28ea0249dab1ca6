import { useId } from "react";
import "./section.css";

interface Props {
  title: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
  testId?: string;
  className?: string;
}

export function Section({ title, children, actions, testId, className }: Props) {
  const id = useId();
  return (
    <section className={`section card ${className ?? ""}`} aria-labelledby={id} data-testid={testId}>
      <div className="section__head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
