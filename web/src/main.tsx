import { createRoot } from "react-dom/client";
import { AppProvider } from "./app/provider";
import { AppRouter } from "./app/router";
import "./styles/global.css";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html must contain <div id=\"root\">");

createRoot(root).render(
  <AppProvider>
    <AppRouter />
  </AppProvider>,
);
