import { createRoot } from 'react-dom/client';

function App() {
  return <main>Roomdesk</main>;
}

createRoot(document.getElementById('root')!).render(<App />);
