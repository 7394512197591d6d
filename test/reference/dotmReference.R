# Reference values for the DOTM member (src/engine/forecast/dotm.ts). The R package forecTheta
# (which has dotm()) is not installed on this machine (no Debian package, no network), so this is
# an independent transcription in R of the model of Fiorucci, Pellegrini, Louzada, Petropoulos &
# Koehler (2016, IJF 32(4), eq. 3.4-3.7): thetaf's 90% seasonality test and multiplicative
# decomposition, the dynamic state recursion, the squared one-step errors from t = 3, and R's own
# optim(method = "Nelder-Mead") from (Y1/2, 0.5, 2) with the bounds alpha in [0.1, 0.99], theta >= 1.
# Run from the repository root:  Rscript test/reference/dotmReference.R
# Writes test/reference/dotmReference.json (committed; the tests need no R).
suppressMessages({ library(jsonlite) })

dotm_ref <- function(y, h) {
  n <- length(y); m <- frequency(y)
  seasonal <- FALSE
  if (m > 1 && n > 2 * m && all(y >= 0)) {
    r <- acf(y, lag.max = m, plot = FALSE)$acf[-1, 1, 1]
    clim <- 1.645 / sqrt(n) * sqrt(cumsum(c(1, 2 * r^2)))
    seasonal <- abs(r[m]) > clim[m]
  }
  figure <- rep(1, m)
  x <- as.numeric(y)
  if (seasonal) {
    s <- decompose(y, type = "multiplicative")$seasonal
    x <- as.numeric(y / s)
    figure <- as.numeric(s)[1:m]
  }
  run <- function(par, steps) {
    l0 <- par[1]; a <- par[2]; th <- par[3]
    yy <- c(x, rep(NA, steps - n)); mu <- numeric(steps)
    l <- a * yy[1] + (1 - a) * l0; mY <- yy[1]; A <- yy[1]; B <- 0; mu[1] <- yy[1]
    for (i in 1:(steps - 1)) {
      mu[i + 1] <- l + (1 - 1 / th) * (A * (1 - a)^i + B * (1 - (1 - a)^(i + 1)) / a)
      if (i >= n) yy[i + 1] <- mu[i + 1]
      l <- a * yy[i + 1] + (1 - a) * l
      mY1 <- (i * mY + yy[i + 1]) / (i + 1)
      B <- ((i - 1) * B + 6 * (yy[i + 1] - mY) / (i + 1)) / (i + 2)
      mY <- mY1
      A <- mY - B * (i + 2) / 2
    }
    mu
  }
  cte <- mean(abs(x))
  sse <- function(par) {
    if (par[2] < 0.1 || par[2] > 0.99 || par[3] < 1) return(1e300)
    mu <- run(par, n)
    sum(((x - mu) / cte)[3:n]^2)
  }
  opt <- optim(c(x[1] / 2, 0.5, 2), sse, method = "Nelder-Mead")
  mu <- run(opt$par, n + h)
  fc <- mu[(n + 1):(n + h)]
  if (seasonal) fc <- fc * figure[((n + 0:(h - 1)) %% m) + 1]
  list(par = list(ell0 = opt$par[1], alpha = opt$par[2], theta = opt$par[3]), sse = opt$value,
       seasonal = seasonal, mean = fc)
}

series <- list(AirPassengers = AirPassengers, USAccDeaths = USAccDeaths, UKDriverDeaths = UKDriverDeaths,
               nottem = nottem, UKgas = UKgas, Nile = Nile, WWWusage = WWWusage)
out <- list(versions = list(R = R.version.string), series = list())
for (id in names(series)) {
  x <- series[[id]]
  h <- if (frequency(x) > 1) 2 * frequency(x) else 10
  out$series[[id]] <- c(list(id = id, period = frequency(x), values = as.numeric(x), horizon = h), dotm_ref(x, h))
}
write(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), "test/reference/dotmReference.json")
cat("wrote test/reference/dotmReference.json\n")
