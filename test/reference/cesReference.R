# Reference values for the CES method (src/engine/forecast/ces.ts). The R package smooth (which has
# ces() and auto.ces()) is not installed on this machine (no Debian package r-cran-smooth, no
# network), so this is an independent transcription in R of complex exponential smoothing
# (Svetunkov, Kourentzes & Ord 2022, Naval Research Logistics 69(8)) in its state-space form, with
# smooth's seasonal variants (none, simple, partial, full), smooth's starting values, initial states
# backcast (two forward/backward rounds, then the forward pass whose MSE is the loss), the
# stability region (every eigenvalue of F - g w' within the unit circle, R's eigen()), R's own
# optim(method = "Nelder-Mead") with the parameters in [0, 2], AICc with k = parameters + 1, and
# the linear state-space forecast variance sigma^2 (1 + sum psi_j^2), sigma^2 = SSE / (n - k).
# Run from the repository root:  Rscript test/reference/cesReference.R
# Writes test/reference/cesReference.json (committed; the tests need no R).
suppressMessages({ library(jsonlite) })

structure_of <- function(seas, p, m) {
  a0 <- p[1]; a1 <- p[2]
  blk <- function(x0, x1) list(F = matrix(c(1, 1, x1 - 1, 1 - x0), 2, 2), g = c(x0 - x1, x0 + x1))
  A <- blk(a0, a1)
  if (seas == "none" || seas == "simple") {
    lag <- if (seas == "none") 1 else m
    return(list(F = A$F, g = A$g, w = c(1, 0), lags = c(lag, lag)))
  }
  if (seas == "partial") {
    F <- diag(3); F[1:2, 1:2] <- A$F
    return(list(F = F, g = c(A$g, p[3]), w = c(1, 0, 1), lags = c(1, 1, m)))
  }
  B <- blk(p[3], p[4])
  F <- matrix(0, 4, 4); F[1:2, 1:2] <- A$F; F[3:4, 3:4] <- B$F
  list(F = F, g = c(A$g, B$g), w = c(1, 0, 1, 0), lags = c(1, 1, m, m))
}

stable <- function(s) {
  D <- s$F - s$g %*% t(s$w)
  all(is.finite(D)) && all(Mod(eigen(D, only.values = TRUE)$values) <= 1 + 1e-7)
}

# V: (n + 2L) x k matrix; row L + t holds the states after observation t (rows 1..L the initial ones).
one_step <- function(s, V, row, dir, y) {
  k <- length(s$w)
  p <- V[cbind(row - dir * s$lags, 1:k)]
  fit <- sum(s$w * p)
  e <- if (is.na(y)) 0 else y - fit
  V[row, ] <- as.vector(s$F %*% p) + s$g * e
  list(V = V, fit = fit, e = e)
}

start_states <- function(y, seas, s, L, m) {
  k <- length(s$w)
  V <- matrix(0, length(y) + 2 * L, k)
  level <- if (seas == "none") mean(y[1:min(10, length(y))]) else mean(y[1:L])
  fig <- if (k >= 3) decompose(ts(y, frequency = m), type = "additive")$figure else NULL
  for (j in 1:L) {
    l <- if (seas == "simple") y[j] else level
    V[j, 1] <- l; V[j, 2] <- l / 1.1
    if (k >= 3) V[j, 3] <- fig[j]
    if (k == 4) V[j, 4] <- fig[j] / 1.1
  }
  V
}

forward <- function(y, s, V, L) {
  e <- numeric(length(y))
  for (t in seq_along(y)) { r <- one_step(s, V, L + t, 1, y[t]); V <- r$V; e[t] <- r$e }
  list(V = V, e = e)
}

backcast_fit <- function(y, seas, s, L, m) {
  n <- length(y)
  V <- start_states(y, seas, s, L, m)
  for (round in 1:2) {
    V <- forward(y, s, V, L)$V
    for (row in (L + n + 1):(n + 2 * L)) V <- one_step(s, V, row, 1, NA)$V
    for (t in n:1) V <- one_step(s, V, L + t, -1, y[t])$V
    for (row in L:1) V <- one_step(s, V, row, -1, NA)$V
  }
  forward(y, s, V, L)
}

starts <- list(none = c(1.1, 1), simple = c(1.1, 1), partial = c(1.1, 1, 0.5), full = c(1.1, 1, 1.1, 1))

ces_variant <- function(y, m, seas, h) {
  n <- length(y)
  L <- if (seas == "none") 1 else m
  loss <- function(p) {
    if (any(p < 0 | p > 2)) return(1e300)
    s <- structure_of(seas, p, m)
    if (!stable(s)) return(1e300)
    mean(backcast_fit(y, seas, s, L, m)$e^2)
  }
  opt <- optim(starts[[seas]], loss, method = "Nelder-Mead")
  p <- opt$par
  s <- structure_of(seas, p, m)
  fit <- backcast_fit(y, seas, s, L, m)
  mse <- mean(fit$e^2)
  k <- length(p) + 1
  loglik <- -n / 2 * (log(2 * pi) + 1 + log(mse))
  aicc <- -2 * loglik + 2 * k + 2 * k * (k + 1) / (n - k - 1)
  # forecasts: the last L rows carried on with no errors
  V <- rbind(fit$V[(n + 1):(n + L), , drop = FALSE], matrix(0, h, length(s$w)))
  mean_fc <- numeric(h)
  for (j in 1:h) { r <- one_step(s, V, L + j, 1, NA); V <- r$V; mean_fc[j] <- r$fit }
  # psi weights: a unit error at step 1 (states g), carried on with no more errors
  Z <- matrix(0, L + h, length(s$w)); Z[L + 1, ] <- s$g
  psi <- numeric(0)
  if (h > 1) for (j in 2:h) { r <- one_step(s, Z, L + j, 1, NA); Z <- r$V; psi <- c(psi, r$fit) }
  sigma2 <- sum(fit$e^2) / (n - k)
  sd <- sqrt(sigma2 * cumsum(c(1, psi^2)))
  z <- qnorm(0.975)
  list(seasonality = seas, par = p, mse = mse, loglik = loglik, aicc = aicc, sigma2 = sigma2,
       mean = mean_fc, lower95 = mean_fc - z * sd, upper95 = mean_fc + z * sd)
}

series <- list(AirPassengers = AirPassengers, USAccDeaths = USAccDeaths, UKDriverDeaths = UKDriverDeaths,
               nottem = nottem, UKgas = UKgas, Nile = Nile, WWWusage = WWWusage)
out <- list(versions = list(R = R.version.string), series = list())
for (id in names(series)) {
  x <- series[[id]]
  m <- frequency(x)
  y <- as.numeric(x)
  h <- if (m > 1) 2 * m else 10
  seasons <- if (m > 1 && length(y) >= 2 * m) c("none", "simple", "partial", "full") else "none"
  variants <- lapply(seasons, function(seas) ces_variant(y, m, seas, h))
  names(variants) <- seasons
  best <- variants[[which.min(sapply(variants, function(v) v$aicc))]]
  out$series[[id]] <- list(id = id, period = m, values = y, horizon = h, variants = variants,
                           chosen = best$seasonality)
  cat(id, best$seasonality, sprintf("%.3f", sapply(variants, function(v) v$aicc)), "\n")
}
write(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), "test/reference/cesReference.json")
cat("wrote test/reference/cesReference.json\n")
