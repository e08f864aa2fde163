import { existsSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../context';
import { storageFault } from '../../db/faults';

/** Below this much free space a write (a WAL page, an uploaded file) is about to fail. */
const MIN_FREE_BYTES = 1024 * 1024;

/**
 * Can planwatch write where it keeps its data? Writes and removes a tiny file in the data folder and
 * the files folder (a read-only mount or a missing permission shows at once, before any user's save
 * fails), checks the free space, and adds the last storage fault a write met if none has succeeded
 * since. Answers the problems in Vietnamese, naming the folder; none = writable.
 */
export function storageProblems(ctx: AppContext): string[] {
  const problems: string[] = [];
  const dataDir = ctx.config.dataDir;
  for (const folder of [dataDir, path.join(dataDir, 'files')]) {
    if (!existsSync(folder)) continue;
    const probe = path.join(folder, `.planwatch-health-${process.pid}`);
    try {
      writeFileSync(probe, 'ok');
      rmSync(probe);
    } catch (err) {
      problems.push(storageFault(err, folder)?.message ?? `Không ghi thử được vào thư mục "${folder}".`);
    }
  }
  if (problems.length === 0 && existsSync(dataDir)) {
    const fs = statfsSync(dataDir);
    const free = fs.bavail * fs.bsize;
    if (free < MIN_FREE_BYTES) {
      problems.push(
        `Ổ đĩa chứa thư mục dữ liệu "${dataDir}" chỉ còn ${Math.floor(free / 1024)} KB trống; các thao tác ghi sắp không thực hiện được. Hãy giải phóng dung lượng.`,
      );
    }
  }
  const last = ctx.faults.lastStorageFault;
  if (last && !problems.includes(last.message)) problems.push(last.message);
  return problems;
}
