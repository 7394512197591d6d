# Reference values for R's admissible region of ETS parameters (src/engine/forecast/ets/etsAdmissible.ts):
# forecast 8.20's own forecast:::admissible(alpha, beta, gamma, phi, m), the check ets() applies with its
# default bounds = "both", and the largest modulus of the roots of its characteristic polynomial.
# Parameters: a fixed-seed sample inside R's "usual" bounds (where ets() searches) and around them.
# Run from the repository root:  Rscript test/reference/admissibleReference.R
# Writes test/reference/admissibleReference.json (committed; the tests need no R).
suppressMessages({ library(forecast); library(jsonlite) })
set.seed(20261130)
maxRoot <- function(alpha, beta, gamma, phi, m) {
  P <- c(phi * (1 - alpha - gamma), alpha + beta - alpha * phi + gamma - 1, rep(alpha + beta - alpha * phi, m - 2),
         (alpha + beta - phi), 1)
  max(abs(polyroot(P)))
}
cases <- list()
add <- function(alpha, beta, gamma, phi, m) {
  a <- forecast:::admissible(alpha, beta, gamma, phi, m)
  r <- if (!is.null(gamma) && m > 1) maxRoot(alpha, if (is.null(beta)) 0 else beta, gamma, if (is.null(phi)) 1 else phi, m) else NA
  cases[[length(cases) + 1]] <<- list(alpha = alpha, beta = if (is.null(beta)) NA else beta,
    gamma = if (is.null(gamma)) NA else gamma, phi = if (is.null(phi)) NA else phi, m = m,
    admissible = a == 1, maxRoot = r)
}
for (m in c(4, 12)) for (trend in c("N", "A", "Ad")) for (i in 1:150) {
  # inside R's usual bounds: 1e-4 < beta < alpha < 0.9999, gamma < 1 - alpha, 0.8 <= phi <= 0.98
  alpha <- runif(1, 1e-4, 0.9999)
  beta <- if (trend == "N") NULL else runif(1, 1e-4, alpha)
  gamma <- runif(1, 1e-4, 1 - alpha)
  phi <- if (trend == "Ad") runif(1, 0.8, 0.98) else NULL
  add(alpha, beta, gamma, phi, m)
}
for (i in 1:120) {
  # around the usual bounds (the easy tests and the non-seasonal region)
  m <- sample(c(4, 12), 1)
  alpha <- runif(1, -0.5, 2); beta <- runif(1, -0.5, 2); phi <- runif(1, 0.5, 1.05)
  gamma <- if (i %% 3 == 0) NULL else runif(1, -0.2, 1.5)
  add(alpha, beta, gamma, phi, m)
}
out <- lapply(cases, function(x) { x[is.na(x)] <- NULL; x })
writeLines(toJSON(list(source = "R 4.2.2, forecast 8.20: forecast:::admissible; maxRoot = max(Mod(polyroot(P)))",
  cases = out), auto_unbox = TRUE, digits = 15, pretty = FALSE), "test/reference/admissibleReference.json")
tab <- table(sapply(cases, function(x) x$admissible)); print(tab)
