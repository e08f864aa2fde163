import type { TaskRequestFile } from '../../../../../shared/contracts/task-requests';
import { useUploadTaskRequestFile } from '../../../api/taskRequests';
import { StoredFilePicker } from '../../../components/StoredFilePicker';

/** The agency's document for a request, uploaded when picked; the form keeps the stored file. */
export function RequestFileInput({
  taskId,
  value,
  onChange,
}: {
  taskId: number;
  value?: TaskRequestFile | null;
  onChange?: (f: TaskRequestFile | null) => void;
}) {
  const upload = useUploadTaskRequestFile(taskId);
  return <StoredFilePicker upload={upload} accept=".pdf,.docx,.doc,.odt" value={value} onChange={onChange} />;
}
