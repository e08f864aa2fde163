/**
 * Addresses of the web client's pages, for links the server writes into notifications and e-mails.
 * Kept beside the client's router so both speak the same paths.
 */
export const reportPath = (reportId: number): string => `/bao-cao/${reportId}`;

export const taskPath = (planId: number, taskId: number): string => `/ke-hoach/${planId}/nhiem-vu/${taskId}`;
