import { useCan } from '../../auth/SessionContext';
import { DirectivesPanel } from './DirectivesPanel';

/** Directives on a task, for its page; leaders may add one. */
export function TaskDirectives({ taskId }: { taskId: number }) {
  const canWrite = useCan('directives.write');
  return (
    <div style={{ marginTop: 16 }}>
      <DirectivesPanel target={{ kind: 'task', taskId }} canWrite={canWrite} />
    </div>
  );
}
