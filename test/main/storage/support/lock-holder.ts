/** Takes the data-folder lock on argv[2], says whether it got it, then holds it until killed. */
import { acquireDataFolderLock, DataFolderLockedError } from '../../../../main/data-folder-lock';

try {
  acquireDataFolderLock(process.argv[2]!);
  process.stdout.write('locked\n');
  setInterval(() => undefined, 60_000);
} catch (error) {
  if (!(error instanceof DataFolderLockedError)) throw error;
  process.stdout.write(`refused ${error.appError.kind} ${error.appError.message}\n`);
}
