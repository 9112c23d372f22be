// The outcome line(s) under a small form: what was saved (announced as a status), or why not (an alert with the
// action's message). No hooks, so client forms and server components can both use it.
export function FormOutcome(props: { success?: string | null; error?: string | null; className?: string }) {
  const width = props.className ? ` ${props.className}` : '';
  return (
    <>
      {props.success ? (
        <p role="status" className={`text-sm text-green-700${width}`}>
          {props.success}
        </p>
      ) : null}
      {props.error ? (
        <p role="alert" className={`field-error${width}`}>
          {props.error}
        </p>
      ) : null}
    </>
  );
}
