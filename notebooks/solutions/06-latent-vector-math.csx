// Notebook 06's answers; the runner puts this file in place of the answer cell when given --solutions.
// Each coordinate of (z1 + z2)/2 has variance 1/4 + 1/4 = 1/2, so the squared norm is about LatentDim / 2.
double? linearMidpointNorm = Math.Sqrt(Recipes.Dcgan.LatentDim / 2.0);
// Slerp between vectors of the same norm moves along their great circle, so the norm stays 10.
double? slerpNorm = 10.0;
