// Tailwind 3 through PostCSS, with vendor prefixes.
const config = {
  plugins: {
    tailwindcss: {},
    autoprefixer: {},
  },
};

export default config;
