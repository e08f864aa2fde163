// First: Zod's settings must be in place before the shared schemas are built.
import './lib/zodLocale';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { createQueryClient } from './api/queryClient';
import { AppProviders } from './app/AppProviders';
import { createAppRouter } from './app/router';
import { AppErrorBoundary } from './components/AppErrorBoundary';
import './lib/dates';
import './print/print.css';

const container = document.getElementById('root');
if (!container) throw new Error('Thiếu phần tử #root trong index.html');

// Created once, outside React: the API client's 401 handler must point at the very cache the app renders
// from, and StrictMode would otherwise build a second, discarded one.
const queryClient = createQueryClient();
const router = createAppRouter();

createRoot(container).render(
  <StrictMode>
    <AppErrorBoundary>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </AppErrorBoundary>
  </StrictMode>,
);
