import { lazy } from "react";
import { createBrowserRouter, RouterProvider } from "react-router-dom";
import { paths } from "../config/paths";
import { FinishSignInPage } from "../features/auth/finish-sign-in-page";
import { NotApprovedPage } from "../features/auth/not-approved-page";
import { SignInPage } from "../features/auth/sign-in-page";
import { allowActiveAffiliate, allowOwner, allowSignedIn, Guard, HomeRedirect } from "./guards";
import { RootLayout } from "./layout";
import { RouteError } from "./route-error";
import { NotFoundRoute } from "./routes/not-found";

const ApplyRoute = lazy(() => import("./routes/apply"));
const DashboardRoute = lazy(() => import("./routes/dashboard"));
const OwnerRoute = lazy(() => import("./routes/owner"));

const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      {
        // Errors below the layout (a lazy page that fails to load, say) render inside it, header included.
        errorElement: <RouteError />,
        children: [
          { path: paths.home.path, element: <HomeRedirect /> },
          { path: paths.signIn.path, element: <SignInPage /> },
          { path: paths.finishSignIn.path, element: <FinishSignInPage /> },
          { path: paths.apply.path, element: <ApplyRoute /> },
          {
            path: paths.notApproved.path,
            element: (
              <Guard allow={allowSignedIn}>
                <NotApprovedPage />
              </Guard>
            ),
          },
          {
            path: paths.dashboard.path,
            element: (
              <Guard allow={allowActiveAffiliate}>
                <DashboardRoute />
              </Guard>
            ),
          },
          {
            // The console's sections are nested routes inside OwnerRoute.
            path: `${paths.owner.path}/*`,
            element: (
              <Guard allow={allowOwner}>
                <OwnerRoute />
              </Guard>
            ),
          },
          { path: "*", element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
